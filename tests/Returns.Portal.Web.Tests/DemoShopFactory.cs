using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Returns.Portal.Web.Tests;

/// <summary>
/// The demo shop exactly as `dotnet run` starts it, on its own SQLite file, at the demo clock (or a fake one), either
/// in memory (API tests) or on Kestrel on a free loopback port (browser tests: shop at localhost, portal at 127.0.0.1).
/// </summary>
internal sealed class DemoShopFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DemoNow = new(2026, 11, 12, 15, 0, 0, TimeSpan.FromHours(1));

    private readonly string _folder = Directory.CreateTempSubdirectory("returns-portal-test-").FullName;
    private readonly FakeTimeProvider? _time;

    public DemoShopFactory(bool kestrel = false, FakeTimeProvider? time = null)
    {
        _time = time;
        Port = FreePort();
        if (kestrel)
        {
            UseKestrel();
        }
    }

    public int Port { get; }

    public string ShopOrigin => $"http://localhost:{Port}";

    public string PortalOrigin => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Database", Path.Combine(_folder, "returns.db"));
        builder.UseSetting("Demo:Clock", DemoNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        // Request logs of every test would bury the failures in the output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
