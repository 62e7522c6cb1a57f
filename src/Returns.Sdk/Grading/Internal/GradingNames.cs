namespace Returns.Sdk.Grading.Internal;

// The spellings a grading-rules document uses for the SDK's enums, in enum order.
internal static class GradingNames
{
    public static readonly string[] Grades = ["A", "B", "C", "D", "X"];
    public static readonly string[] Packagings = ["sealed", "opened", "missing"];
    public static readonly string[] Usages = ["none", "light", "heavy"];
    public static readonly string[] TagStates = ["attached", "removed", "unknown"];
    public static readonly string[] Faults = ["customer", "retailer", "carrier"];
    public static readonly string[] Dispositions =
        ["restock_as_new", "repackage_and_restock", "refurbish", "sell_as_outlet", "return_to_vendor", "donate", "recycle", "destroy"];

    public static readonly string[] RefundActions = ["full_refund", "deduct", "reject"];

    public static string Name(this ConditionGrade grade) => Grades[(int)grade];

    public static string Name(this Disposition disposition) => Dispositions[(int)disposition];

    public static string Name(this ReturnFault fault) => Faults[(int)fault];

    public static int IndexOf(string[] names, string? value) => value is null ? -1 : Array.IndexOf(names, value);

    public static string Expected(string[] names) =>
        names.Length == 1 ? $"\"{names[0]}\"" : string.Join(", ", names[..^1].Select(n => $"\"{n}\"")) + $" or \"{names[^1]}\"";
}
