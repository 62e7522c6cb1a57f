using System.Text.Json;
using Returns.Packaging.Tests.Internal;

namespace Returns.Packaging.Tests;

/// <summary>
/// Every src/ project of the solution packed once, with a version no other run uses, into a folder feed under a temp
/// folder that is deleted afterwards.
/// </summary>
public sealed class PackedSources : IAsyncLifetime
{
    // Only a guard against a hung build; a loaded machine may need far longer than the usual minute.
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(20);

    public PackedSources()
    {
        RepositoryRoot = Internal.RepositoryRoot.Find();
        Projects = Internal.RepositoryRoot.SourceProjects(RepositoryRoot);
        WorkFolder = Directory.CreateTempSubdirectory("returns-packaging-").FullName;
        Feed = Path.Combine(WorkFolder, "feed");

        // A version nothing else has: neither the global packages folder nor any cache can serve a stale copy. The
        // letter keeps the prerelease label valid even when the random part starts with a zero.
        Version = $"0.0.0-test.r{Guid.NewGuid():N}";
    }

    /// <summary>The repository's root folder.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The packed projects, e.g. <c>src/Returns.Sdk/Returns.Sdk.csproj</c>.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The temp folder holding the feed, the build outputs and whatever the tests add; deleted at the end.</summary>
    public string WorkFolder { get; }

    /// <summary>The folder feed the packages were written to.</summary>
    public string Feed { get; }

    /// <summary>The version every package got.</summary>
    public string Version { get; }

    /// <summary>How <c>dotnet pack</c> went.</summary>
    public ProcessOutcome Pack { get; private set; } = new(-1, "(not packed yet)", TimeSpan.Zero);

    /// <summary>The package ids, from the project file names.</summary>
    public IEnumerable<string> PackageIds => Projects.Select(Path.GetFileNameWithoutExtension)!;

    /// <summary>The path of a package in the feed.</summary>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async ValueTask InitializeAsync()
    {
        // One `dotnet pack` over a solution filter of the src/ projects: MSBuild builds them in parallel and each
        // dependency once, which beats a pack per project.
        var filter = Path.Combine(WorkFolder, "src.slnf");
        await File.WriteAllTextAsync(
            filter,
            JsonSerializer.Serialize(new { solution = new { path = Path.Combine(RepositoryRoot, Internal.RepositoryRoot.SolutionFileName), projects = Projects } }),
            TestContext.Current.CancellationToken);

        // --artifacts-path moves bin/ AND obj/ (restore's project.assets.json included) of every packed project under
        // the temp folder. Only -o or -p:BaseOutputPath would leave obj/ shared with a `dotnet build` of the solution
        // running at the same time, whose Debug restore and compile would race this Release one on the same files.
        // The sources are only read.
        // RunAnalyzers=false skips the analyzers (source generators still run), which halves the compile: the
        // solution's own build enforces them, and they change nothing in a package.
        Pack = await ChildProcess.RunDotNetAsync(
            RepositoryRoot,
            [
                "pack", filter, "-c", "Release", "--output", Feed, "--artifacts-path", Path.Combine(WorkFolder, "artifacts"),
                $"-p:Version={Version}", "-p:RunAnalyzers=false", "-tl:off",
            ],
            environment: null,
            PackLimit,
            TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS cleans temp folders eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        return ValueTask.CompletedTask;
    }
}
