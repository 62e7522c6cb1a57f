using System.Collections.Frozen;
using System.Reflection;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Events.Internal;

// Read from ReturnEventTypes itself so that a type added there is accepted without a second list to keep in step.
internal static class KnownEventTypes
{
    public static readonly FrozenSet<string> All = typeof(ReturnEventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Validate(IEnumerable<string> eventTypes, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(eventTypes, parameterName);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in eventTypes)
        {
            if (type is null || !All.Contains(type))
            {
                throw new ArgumentException($"'{type}' is not an event type; use the names in {nameof(ReturnEventTypes)}, e.g. '{ReturnEventTypes.Refunded}'.", parameterName);
            }

            set.Add(type);
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
