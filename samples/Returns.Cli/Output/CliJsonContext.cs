using System.Text.Json.Serialization;

namespace Returns.Cli.Output;

/// <summary>Source-generated JSON metadata for every DTO the CLI prints: camelCase, indented, nulls written.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PolicyEvaluationJson))]
[JsonSerializable(typeof(NearestPointJson[]))]
[JsonSerializable(typeof(ReturnOptionsJson))]
[JsonSerializable(typeof(StoreReturnJson))]
[JsonSerializable(typeof(OrderLookupJson))]
[JsonSerializable(typeof(CreateReturnJson))]
[JsonSerializable(typeof(CreateReturnQuoteJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
