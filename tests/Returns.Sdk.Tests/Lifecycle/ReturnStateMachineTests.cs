using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

public sealed class ReturnStateMachineTests
{
    // The whole table, written out independently of the implementation so that any change to a move is a reviewed change.
    private static readonly (ReturnState From, ReturnState[] To)[] Legal =
    [
        (ReturnState.Requested, [ReturnState.Authorized, ReturnState.Rejected, ReturnState.Cancelled, ReturnState.Expired]),
        (ReturnState.Authorized, [ReturnState.LabelIssued, ReturnState.InTransit, ReturnState.Received, ReturnState.Cancelled, ReturnState.Expired]),
        (ReturnState.LabelIssued, [ReturnState.InTransit, ReturnState.Received, ReturnState.Cancelled, ReturnState.Expired]),
        (ReturnState.InTransit, [ReturnState.Received]),
        (ReturnState.Received, [ReturnState.Inspected, ReturnState.Refunded, ReturnState.Exchanged, ReturnState.Credited]),
        (ReturnState.Inspected, [ReturnState.Refunded, ReturnState.Exchanged, ReturnState.Credited, ReturnState.Closed]),
        (ReturnState.Refunded, [ReturnState.Closed]),
        (ReturnState.Exchanged, [ReturnState.Closed]),
        (ReturnState.Credited, [ReturnState.Closed]),
        (ReturnState.Rejected, []),
        (ReturnState.Closed, []),
        (ReturnState.Cancelled, []),
        (ReturnState.Expired, []),
    ];

    public static TheoryData<ReturnState, ReturnState, bool> AllPairs()
    {
        var data = new TheoryData<ReturnState, ReturnState, bool>();
        foreach (var (from, to) in Legal)
        {
            foreach (var target in Enum.GetValues<ReturnState>())
            {
                data.Add(from, target, to.Contains(target));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_EveryPair_MatchesTable(ReturnState from, ReturnState to, bool legal) =>
        Assert.Equal(legal, ReturnStateMachine.CanMove(from, to));

    [Fact]
    public void Table_CoversEveryState() =>
        Assert.Equal(Enum.GetValues<ReturnState>().Order(), Legal.Select(l => l.From).Order());

    [Theory]
    [InlineData(ReturnState.Rejected, true)]
    [InlineData(ReturnState.Closed, true)]
    [InlineData(ReturnState.Cancelled, true)]
    [InlineData(ReturnState.Expired, true)]
    [InlineData(ReturnState.InTransit, false)]
    [InlineData(ReturnState.Refunded, false)]
    public void IsFinal_State_OnlyForEndStates(ReturnState state, bool final) =>
        Assert.Equal(final, ReturnStateMachine.IsFinal(state));

    [Fact]
    public void NextStates_UndefinedState_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnStateMachine.NextStates((ReturnState)99));

    [Fact]
    public void IllegalReturnTransitionException_Message_NamesLegalMoves()
    {
        var error = new IllegalReturnTransitionException(RmaNumber.FromSymbols("012345678"), ReturnState.InTransit, ReturnState.Cancelled);

        Assert.Equal("Return RMA-01234-56789 cannot move from InTransit to Cancelled; from InTransit it may move to Received.", error.Message);
    }
}
