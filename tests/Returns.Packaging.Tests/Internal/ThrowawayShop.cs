using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Returns.Packaging.Tests.Internal;

/// <summary>
/// A retailer's web app written from scratch in a temp folder: it knows the returns packages only from the folder
/// feed, and embeds the portal with the demo data of the command line.
/// </summary>
internal sealed partial class ThrowawayShop
{
    public const string AssemblyName = "ThrowawayShop";
    public const string HostOrigin = "https://shop.example";

    // Restoring every dependency into an empty packages folder is network-bound; the limits only guard against a hang.
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    // The retailer's own files.
    private static readonly string[] DataFiles = ["policy.json", "rates.csv", "zones.csv", "points.csv", "postcodes.csv", "order-web.json"];

    // A shop embedding the portal with every service its API needs: 15 lines of registrations (one per service, as a
    // shop would write them) and two maps. Its data files and the box catalog are the shop's own.
    private const string ProgramSource = $$"""
        using System.Security.Cryptography;
        using Returns.Carriers.TableRate;
        using Returns.Sdk;
        using Returns.Sdk.Locations;
        using Returns.Sdk.Orders;
        using Returns.Sdk.Policy;
        using Returns.Sdk.Refunds;
        using Returns.Sdk.Serialization;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddReturns()
            .AddSqliteStore(o => o.Path = Path.Combine(builder.Environment.ContentRootPath, "returns.db"))
            .AddReturnPolicy(await ReturnPolicy.LoadFileAsync("data/policy.json"))
            .AddTableRateCarrier((await RateCard.LoadFileAsync("data/rates.csv")).Value, (await ZoneMap.LoadFileAsync("data/zones.csv")).Value)
            .AddParcelSizing(o => builder.Configuration.GetSection("Returns:Parcels").Bind(o))
            .AddLocationCatalog((await LocationCatalog.LoadFileAsync("data/points.csv")).Value)
            .AddGeocoder((await PostcodeCentroidGeocoder.LoadFileAsync("data/postcodes.csv")).Value)
            .AddReturnOptions(o => (o.WarehouseCountry, o.WarehousePostcode) = ("NL", "5928 LZ"))
            .AddReturnLifecycle()
            .AddRefunds()
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddOrderSource(new InMemoryOrderSource((await OrderDocument.LoadFileAsync("data/order-web.json")).Order))
            .AddSelfServiceReturns(o => (o.WarehouseAddress, o.WarehouseId) = (new Address(CountryCode.Parse("NL"), "5928 LZ") { Line1 = "Columbusweg 20", City = "Venlo" }, "WH-NL"))
            .AddReturnsPortal(o => { o.SigningKeys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); o.HostOrigins.Add("{{HostOrigin}}"); });

        var app = builder.Build();
        app.MapReturnsApi("/api/returns");
        app.MapReturnsPortal("/returns");
        app.Run();
        """;

    private readonly PackedSources _packages;

    public ThrowawayShop(PackedSources packages)
    {
        _packages = packages;
        Folder = Path.Combine(packages.WorkFolder, "shop");
        PackagesFolder = Path.Combine(packages.WorkFolder, "packages");
    }

    /// <summary>The app's project folder.</summary>
    public string Folder { get; }

    /// <summary>The app's own global packages folder, so restoring it never adds to ~/.nuget/packages.</summary>
    public string PackagesFolder { get; }

    // The command line's demo data stands in for the shop's own files.
    private string DemoData => Path.Combine(_packages.RepositoryRoot, "samples", "Returns.Cli", "data");

    /// <summary>Writes the project, its NuGet and SDK settings, Program.cs and the data files.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "data"));
        await WriteAsync("nuget.config", NuGetConfig(), cancellationToken);
        File.Copy(Path.Combine(_packages.RepositoryRoot, "global.json"), Path.Combine(Folder, "global.json"));

        // Stop MSBuild's walk up at this folder: the shop must build with its own settings only, and without central
        // package management.
        await WriteAsync("Directory.Build.props", "<Project />\n", cancellationToken);
        await WriteAsync("Directory.Packages.props", "<Project />\n", cancellationToken);
        await WriteAsync($"{AssemblyName}.csproj", ProjectFile(), cancellationToken);
        await WriteAsync("Program.cs", ProgramSource, cancellationToken);
        foreach (var file in DataFiles)
        {
            File.Copy(Path.Combine(DemoData, file), Path.Combine(Folder, "data", file));
        }

        // The box catalog is settings rather than data: a shop keeps it in appsettings.json.
        var boxes = await File.ReadAllTextAsync(Path.Combine(DemoData, "boxes.json"), cancellationToken);
        await WriteAsync("appsettings.json", $$"""{ "Returns": { "Parcels": {{boxes}} } }""" + "\n", cancellationToken);
    }

    /// <summary>Restores (from the folder feed and the registry) and builds the app.</summary>
    public Task<ProcessOutcome> BuildAsync(CancellationToken cancellationToken) =>
        ChildProcess.RunDotNetAsync(Folder, ["build", "-tl:off"], new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder }, BuildLimit, cancellationToken);

    /// <summary>
    /// Starts the built app on a loopback port the OS picks (port 0, so no other process can take it between choosing
    /// and binding) and waits until it listens.
    /// </summary>
    /// <returns>The running app and its base address, or a null address when it did not start; dispose it to kill it.</returns>
    public async Task<(ChildProcess Process, Uri? Address)> StartAsync(CancellationToken cancellationToken)
    {
        var process = ChildProcess.StartDotNet(
            Folder,
            [Path.Combine(Folder, "bin", "Debug", "net10.0", $"{AssemblyName}.dll"), "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = PackagesFolder,
                // Development makes the host check on start that every registered service can be built, which proves the
                // packages' registrations fit together, not just the two endpoints called.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = null,
                ["ASPNETCORE_HTTP_PORTS"] = null,
                ["ASPNETCORE_HTTPS_PORTS"] = null,
            });
        try
        {
            var listening = await process.WaitForLineAsync(ListeningLine(), StartLimit, cancellationToken);
            return (process, listening is null ? null : new Uri(listening.Groups["address"].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();

    private string ProjectFile() => new XDocument(
        new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk.Web"),
            new XElement(
                "PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("ManagePackageVersionsCentrally", "false")),
            new XElement(
                "ItemGroup",
                from id in new[] { "Returns.AspNetCore", "Returns.Storage.Sqlite", "Returns.Carriers.TableRate" }
                select new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", _packages.Version))))).ToString() + "\n";

    // The folder feed, plus the registry sources of the repository's nuget.config; <clear/> keeps out any source from
    // the machine's or the user's configuration. Returns.* may only come from the folder feed, so a package of the
    // same name on the registry can never stand in for the one under test.
    private string NuGetConfig()
    {
        var repository = XDocument.Load(Path.Combine(_packages.RepositoryRoot, "nuget.config"));
        var registries = repository.Descendants("packageSources").Elements("add").ToList();
        const string FeedKey = "returns-under-test";
        return new XDocument(
            new XElement(
                "configuration",
                new XElement(
                    "packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", FeedKey), new XAttribute("value", _packages.Feed)),
                    registries.Select(r => new XElement(r))),
                new XElement(
                    "packageSourceMapping",
                    new XElement("packageSource", new XAttribute("key", FeedKey), new XElement("package", new XAttribute("pattern", "Returns.*"))),
                    registries.Select(r => new XElement(
                        "packageSource",
                        new XAttribute("key", (string)r.Attribute("key")!),
                        new XElement("package", new XAttribute("pattern", "*"))))))).ToString() + "\n";
    }

    private Task WriteAsync(string name, string text, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(Folder, name), text, cancellationToken);
}
