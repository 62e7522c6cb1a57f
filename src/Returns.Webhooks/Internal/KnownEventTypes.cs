using System.Collections.Frozen;
using System.Reflection;
using Returns.Sdk.Lifecycle;

namespace Returns.Webhooks.Internal;

// Read from ReturnEventTypes itself so that a type added there is accepted without a second list to keep in step.
internal static class KnownEventTypes
{
    public static readonly FrozenSet<string> All = typeof(ReturnEventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);
}
