namespace Returns.Packaging.Tests.Internal;

/// <summary>Finds the repository the tests run from, by walking up from the test executable to the solution file.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Returns.Sdk.sln";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above '{AppContext.BaseDirectory}'; run the tests from the repository's build output.");
    }

    /// <summary>The src/ projects the solution lists, as paths relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> SourceProjects(string root) =>
        [.. File.ReadLines(Path.Combine(root, SolutionFileName))
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split('"'))
            .Where(parts => parts.Length > 5)
            .Select(parts => parts[5].Replace('\\', '/'))
            .Where(path => path.StartsWith("src/", StringComparison.Ordinal) && path.EndsWith(".csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
