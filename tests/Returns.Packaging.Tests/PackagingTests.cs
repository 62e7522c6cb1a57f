using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Returns.Packaging.Tests.Internal;

namespace Returns.Packaging.Tests;

/// <summary>
/// `dotnet pack` yields installable packages: every src/ project packs, and a web app written from scratch that
/// references them from a folder feed builds, starts and serves the embedded portal.
/// </summary>
public sealed class PackagingTests(PackedSources packed) : IClassFixture<PackedSources>
{
    private const string AspNetCorePackage = "Returns.AspNetCore";

    [Fact]
    public void Pack_SourceProjects_YieldsPackageAndSymbolsPerProjectWithoutNuGetWarnings()
    {
        Assert.True(packed.Pack.Succeeded, $"dotnet pack failed:\n{packed.Pack.Tail()}");
        Assert.NotEmpty(packed.Projects);
        var warnings = packed.Pack.Output.Split('\n').Where(l => l.Contains("warning NU", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(warnings.Count == 0, $"dotnet pack warned:\n{string.Join('\n', warnings)}");

        foreach (var id in packed.PackageIds)
        {
            Assert.True(File.Exists(packed.PackagePath(id)), $"No {id} package in the feed:\n{packed.Pack.Tail()}");
            Assert.True(File.Exists(packed.PackagePath(id, "snupkg")), $"No {id} symbol package in the feed.");

            using var package = ZipFile.OpenRead(packed.PackagePath(id));
            var metadata = Nuspec(package);
            Assert.Equal(id, Value(metadata, "id"));
            Assert.Equal(packed.Version, Value(metadata, "version"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), $"{id} has no description.");
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));

            // Another package of this repository must be asked for at exactly this build's version.
            var siblings = metadata.Descendants().Where(e => e.Name.LocalName == "dependency" && packed.PackageIds.Contains((string?)e.Attribute("id")));
            Assert.All(siblings, d => Assert.Equal(packed.Version, (string?)d.Attribute("version")));

            var hasReadme = File.Exists(Path.Combine(packed.RepositoryRoot, "src", id, "README.md"));
            Assert.Equal(hasReadme, package.GetEntry("README.md") is not null);
            Assert.Equal(hasReadme ? "README.md" : null, Value(metadata, "readme"));
        }
    }

    [Fact]
    public void Pack_AspNetCore_CarriesSatelliteAssembliesAndEmbeddedAssets()
    {
        Assert.True(packed.Pack.Succeeded, $"dotnet pack failed:\n{packed.Pack.Tail()}");
        var source = Path.Combine(packed.RepositoryRoot, "src", AspNetCorePackage);
        using var package = ZipFile.OpenRead(packed.PackagePath(AspNetCorePackage));

        // One satellite assembly per culture a .resx is translated to, e.g. PortalTexts.it.resx -> it/.
        var cultures = Directory.EnumerateFiles(source, "*.resx", SearchOption.AllDirectories)
            .Select(f => Path.GetExtension(Path.GetFileNameWithoutExtension(f)).TrimStart('.'))
            .Where(c => c.Length > 0)
            .Distinct()
            .ToList();
        Assert.Contains("it", cultures);
        Assert.Contains("fr", cultures);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.All(cultures, c => Assert.Contains($"lib/net10.0/{c}/{AspNetCorePackage}.resources.dll", entries));

        // Every file under <Feature>/Assets is served from the assembly, under the name the project gives it.
        var expected = Directory.EnumerateDirectories(source)
            .Where(feature => Directory.Exists(Path.Combine(feature, "Assets")))
            .SelectMany(feature => Directory.EnumerateFiles(Path.Combine(feature, "Assets"))
                .Select(file => $"{AspNetCorePackage}.{Path.GetFileName(feature)}.Assets.{Path.GetFileName(file)}"))
            .ToList();
        Assert.NotEmpty(expected);
        var embedded = ManifestResources(package.GetEntry($"lib/net10.0/{AspNetCorePackage}.dll")!);
        Assert.All(expected, name => Assert.Contains(name, embedded));
    }

    [Fact]
    public async Task ThrowawayApp_ReferencingPackagesFromFolderFeed_ServesPortalAndApi()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.True(packed.Pack.Succeeded, $"dotnet pack failed:\n{packed.Pack.Tail()}");
        var shop = new ThrowawayShop(packed);
        await shop.WriteAsync(cancellationToken);

        var build = await shop.BuildAsync(cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"dotnet pack: {packed.Pack.Elapsed}; restore and build of the app: {build.Elapsed}");
        Assert.True(build.Succeeded, $"The throwaway app did not build:\n{build.Tail()}");
        Assert.True(Directory.Exists(Path.Combine(shop.PackagesFolder, "returns.aspnetcore", packed.Version)), "The app restored Returns.AspNetCore from somewhere else than its own packages folder.");

        var (app, address) = await shop.StartAsync(cancellationToken);
        await using (app)
        {
            string Log() => ProcessOutcome.Shorten(app.Output);
            Assert.True(address is not null, $"The throwaway app did not start listening:\n{Log()}");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };

            using var page = await http.GetAsync(new Uri("/returns", UriKind.Relative), cancellationToken);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /returns answered {(int)page.StatusCode}:\n{Log()}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var policy = page.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(' ', values) : "";
            Assert.Contains($"frame-ancestors {ThrowawayShop.HostOrigin}", policy, StringComparison.Ordinal);

            using var wrongOrder = await http.PostAsJsonAsync("/api/returns/session", new { orderNumber = "WEB-999999", emailOrPostcode = "anna@example.com" }, cancellationToken);
            Assert.True(wrongOrder.StatusCode == HttpStatusCode.NotFound, $"A wrong order answered {(int)wrongOrder.StatusCode}:\n{Log()}");
            Assert.Equal("application/problem+json", wrongOrder.Content.Headers.ContentType?.MediaType);

            // The demo order opens a session and reads through the policy and the SQLite store: the packages' runtime
            // assets (the native SQLite library among them) arrived in the app.
            using var rightOrder = await http.PostAsJsonAsync("/api/returns/session", new { orderNumber = "WEB-100234", emailOrPostcode = "1012 AB" }, cancellationToken);
            Assert.True(rightOrder.StatusCode == HttpStatusCode.OK, $"The demo order answered {(int)rightOrder.StatusCode}:\n{Log()}");
            var session = await rightOrder.Content.ReadFromJsonAsync<SessionAnswer>(cancellationToken);
            using var orderRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/returns/orders/{Uri.EscapeDataString(session!.OrderNumber)}");
            orderRequest.Headers.Authorization = new("Bearer", session.Token);
            using var order = await http.SendAsync(orderRequest, cancellationToken);
            var orderText = await order.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(order.StatusCode == HttpStatusCode.OK, $"GET {orderRequest.RequestUri} answered {(int)order.StatusCode} {orderText}:\n{Log()}");
            Assert.Contains("SNK-RUN-42", orderText, StringComparison.Ordinal);
        }

        Assert.True(app.Ended, "The throwaway app outlived the test.");
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static List<string> ManifestResources(ZipArchiveEntry assembly)
    {
        using var stream = assembly.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var reader = pe.GetMetadataReader();
        return [.. reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name))];
    }

    private sealed record SessionAnswer(string Token, string OrderNumber);
}
