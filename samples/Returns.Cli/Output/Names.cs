using System.Text.Json;

namespace Returns.Cli.Output;

/// <summary>Snake_case spellings of enum members the SDK does not name itself.</summary>
internal static class Names
{
    /// <summary>Turns a PascalCase member name into snake_case, e.g. <c>NoLocationNearby</c> → <c>no_location_nearby</c>.</summary>
    /// <param name="name">The member name.</param>
    /// <returns>The snake_case spelling.</returns>
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
