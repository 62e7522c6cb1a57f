namespace Returns.Portal.Web;

/// <summary>The system clock moved to start at a fixed instant, so the demo orders stay inside their return windows.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
