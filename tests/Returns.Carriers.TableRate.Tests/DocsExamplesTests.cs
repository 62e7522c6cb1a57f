using System.Text.RegularExpressions;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests;

/// <summary>The CSV examples in docs/formats load as documented.</summary>
public sealed partial class DocsExamplesTests
{
    private static string DocsPath(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Returns.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "docs", "formats", file);
    }

    private static string[] CsvBlocks(string file) =>
        [.. CsvBlock().Matches(File.ReadAllText(DocsPath(file))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("```csv\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsvBlock();

    [Fact]
    public async Task RateCardDoc_EveryCsvExample_Loads()
    {
        var blocks = CsvBlocks("rate-card.md");

        Assert.Equal(2, blocks.Length);
        foreach (var block in blocks)
        {
            Assert.NotEqual(0, (await ReadCardAsync(block)).Value.BandCount);
        }
    }

    [Fact]
    public async Task ZonesDoc_InboundReturnsExample_ResolvesAsDocumented()
    {
        var blocks = CsvBlocks("zones.md");
        Assert.Equal(2, blocks.Length);
        var demo = (await ReadZonesAsync(blocks[0])).Value;
        var inbound = (await ReadZonesAsync(blocks[1])).Value;

        string? Zone(ZoneMap map, string from, string to) =>
            map.TryGetZone(CountryCode.Parse(from), CountryCode.Parse(to), out var zone) ? zone : null;

        Assert.Equal(("ZONE_EU1", "ZONE_EU2", "ZONE_WORLD", "ZONE_NL"), (Zone(demo, "NL", "DE"), Zone(demo, "NL", "PL"), Zone(demo, "NL", "US"), Zone(demo, "DE", "NL")));
        Assert.Equal(("ZONE_EU1", "ZONE_WORLD", "ZONE_EU1", "ZONE_WORLD", "ZONE_NL"), (Zone(inbound, "DE", "NL"), Zone(inbound, "US", "NL"), Zone(inbound, "NL", "DE"), Zone(inbound, "NL", "JP"), Zone(inbound, "NL", "NL")));
    }
}
