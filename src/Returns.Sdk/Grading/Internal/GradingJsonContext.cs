using System.Text.Json;
using System.Text.Json.Serialization;

namespace Returns.Sdk.Grading.Internal;

// The same reading rules as every other hand-written document of the SDK: strict about unknown and duplicate fields
// and about types, lenient about comments and trailing commas.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GradingDocumentDto))]
internal sealed partial class GradingJsonContext : JsonSerializerContext;
