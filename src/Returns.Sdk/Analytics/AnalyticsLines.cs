namespace Returns.Sdk.Analytics;

/// <summary>Units of a product sold on one day through one channel: the denominator of every return rate.</summary>
/// <param name="Sku">The product.</param>
/// <param name="Category">Its category.</param>
/// <param name="Channel">Where it was sold.</param>
/// <param name="Date">The sale's date.</param>
/// <param name="Quantity">Units sold, at least one.</param>
public sealed record SoldLine(string Sku, string Category, SalesChannel Channel, DateOnly Date, int Quantity);

/// <summary>Units of a product returned for one reason, with what the return paid back and cost.</summary>
/// <param name="Sku">The product.</param>
/// <param name="Category">Its category.</param>
/// <param name="Channel">The channel that sold it (a web order returned in a store counts for the web).</param>
/// <param name="Date">The return's date.</param>
/// <param name="Quantity">Units returned, at least one.</param>
/// <param name="ReasonCode">The reason's snake_case code.</param>
/// <param name="Refunded">What was paid back.</param>
/// <param name="Cost">What the return cost the retailer: carriage, handling, write-down.</param>
public sealed record ReturnedLine(string Sku, string Category, SalesChannel Channel, DateOnly Date, int Quantity, string ReasonCode, Money Refunded, Money Cost);
