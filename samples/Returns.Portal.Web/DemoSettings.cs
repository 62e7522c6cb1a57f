using System.Globalization;

namespace Returns.Portal.Web;

/// <summary>
/// How the demo runs, from configuration (<c>--Demo:Port 5180</c>, environment <c>Demo__Port</c>, appsettings). The shop
/// page is served as <c>http://localhost:PORT/</c> and the portal as <c>http://127.0.0.1:PORT/returns</c>: two origins
/// on one port, so the browser treats the portal exactly as a portal embedded from another site.
/// </summary>
internal sealed record DemoSettings(int Port, string DatabasePath, DateTimeOffset? ClockStart)
{
    /// <summary>
    /// The demo clock's start when <c>Demo:Clock</c> is not set: Thursday 12 November 2026, a week after the demo orders were
    /// delivered, so every returnable line is inside its window whatever day the demo is run.
    /// </summary>
    public static readonly DateTimeOffset DemoStart = new(2026, 11, 12, 15, 0, 0, TimeSpan.FromHours(1));

    public string ShopOrigin => $"http://localhost:{Port}";

    public string PortalOrigin => $"http://127.0.0.1:{Port}";

    public static DemoSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Demo");
        var port = section.GetValue("Port", 5180);
        if (port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Demo:Port must be a TCP port (1-65535), not {port}.");
        }

        var database = section["Database"] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "returns", "portal-demo.db");

        DateTimeOffset? clock = section["Clock"] switch
        {
            null or "" => DemoStart,
            "system" => null,
            var text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) => start,
            var text => throw new InvalidOperationException($"Demo:Clock must be 'system' or an ISO 8601 instant with an offset, not '{text}'."),
        };
        return new DemoSettings(port, database, clock);
    }
}
