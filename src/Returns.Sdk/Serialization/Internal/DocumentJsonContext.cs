using System.Text.Json;
using System.Text.Json.Serialization;
using Returns.Sdk.Policy.Internal;

namespace Returns.Sdk.Serialization.Internal;

// The one set of reading rules for every document a retailer writes by hand: strict about unknown and duplicate
// fields, lenient about comments and trailing commas.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PolicyDocumentDto))]
[JsonSerializable(typeof(OrderDocumentDto))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
