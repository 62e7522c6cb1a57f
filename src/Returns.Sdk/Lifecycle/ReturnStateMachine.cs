using System.Collections.Frozen;

namespace Returns.Sdk.Lifecycle;

/// <summary>
/// The legal moves between <see cref="ReturnState"/>s. A parcel may skip the label (a store return goes from
/// authorized straight to received) and a carrier scan may be missed (label issued to received), but nothing moves
/// backwards and final states stay final.
/// </summary>
public static class ReturnStateMachine
{
    private static readonly FrozenDictionary<ReturnState, ReturnState[]> Moves = new Dictionary<ReturnState, ReturnState[]>
    {
        [ReturnState.Requested] = [ReturnState.Authorized, ReturnState.Rejected, ReturnState.Cancelled, ReturnState.Expired],
        [ReturnState.Authorized] = [ReturnState.LabelIssued, ReturnState.InTransit, ReturnState.Received, ReturnState.Cancelled, ReturnState.Expired],
        [ReturnState.LabelIssued] = [ReturnState.InTransit, ReturnState.Received, ReturnState.Cancelled, ReturnState.Expired],
        [ReturnState.InTransit] = [ReturnState.Received],
        [ReturnState.Received] = [ReturnState.Inspected, ReturnState.Refunded, ReturnState.Exchanged, ReturnState.Credited],
        [ReturnState.Inspected] = [ReturnState.Refunded, ReturnState.Exchanged, ReturnState.Credited, ReturnState.Closed],
        [ReturnState.Refunded] = [ReturnState.Closed],
        [ReturnState.Exchanged] = [ReturnState.Closed],
        [ReturnState.Credited] = [ReturnState.Closed],
        [ReturnState.Rejected] = [],
        [ReturnState.Closed] = [],
        [ReturnState.Cancelled] = [],
        [ReturnState.Expired] = [],
    }.ToFrozenDictionary();

    /// <summary>Whether a return may move from one state to another.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    /// <returns>True when the move is legal.</returns>
    public static bool CanMove(ReturnState from, ReturnState to) =>
        Moves.TryGetValue(from, out var next) && Array.IndexOf(next, to) >= 0;

    /// <summary>The states a return may move to from <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <returns>The legal next states; empty for a final state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined state.</exception>
    public static IReadOnlyList<ReturnState> NextStates(ReturnState from) =>
        Moves.TryGetValue(from, out var next) ? next : throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown return state.");

    /// <summary>Whether nothing can follow <paramref name="state"/>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>True for rejected, closed, cancelled and expired.</returns>
    public static bool IsFinal(ReturnState state) => NextStates(state).Count == 0;
}
