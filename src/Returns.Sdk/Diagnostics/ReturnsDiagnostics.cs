using System.Diagnostics;

namespace Returns.Sdk;

// One ActivitySource for the whole SDK, named "Returns.Sdk" (as its Meter will be), so that a host enables it once.
internal static class ReturnsDiagnostics
{
    public const string Name = "Returns.Sdk";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ReturnsDiagnostics).Assembly.GetName().Version?.ToString());
}
