using Microsoft.Extensions.DependencyInjection;

namespace Returns.Sdk.DependencyInjection;

/// <summary>What <c>AddReturns()</c> returns: carriers, stores and policies hang off it.</summary>
public interface IReturnsBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
