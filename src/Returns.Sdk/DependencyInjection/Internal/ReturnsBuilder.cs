using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;

namespace Returns.Sdk.DependencyInjection.Internal;

internal sealed class ReturnsBuilder(IServiceCollection services) : IReturnsBuilder
{
    public IServiceCollection Services { get; } = services;
}

internal sealed class CarrierOptionsValidator : IValidateOptions<CarrierOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, CarrierOptions options) =>
        options.QuoteDeadline > TimeSpan.Zero && options.QuoteDeadline <= Longest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Returns:Carriers:QuoteDeadline must be above zero and at most {Longest}; got {options.QuoteDeadline}.");
}
