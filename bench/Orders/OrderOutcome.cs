namespace CloudNative.Bench.Orders;

/// <summary>An order as orderingdb's read model has it: status (and why cancelled), when submitted and last changed.</summary>
internal sealed record OrderOutcome(Guid Id, string Status, string? CancelReason, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt)
{
    public bool IsTerminal => Status is "Confirmed" or "Cancelled";

    public double SubmittedToTerminalMs => (UpdatedAt - SubmittedAt).TotalMilliseconds;
}
