using System.Collections.Frozen;

namespace Returns.Sdk.Events.Internal;

// The event types one handler type was registered for; empty means all. Generic so each handler has its own singleton.
internal sealed class EventHandlerFilter<THandler>
    where THandler : class, IReturnEventHandler
{
    private readonly FrozenSet<string> _types;

    public EventHandlerFilter(FrozenSet<string> types)
    {
        _types = types;
    }

    public bool Accepts(string eventType) => _types.Count == 0 || _types.Contains(eventType);
}
