namespace CloudNative.Bench.Orders;

/// <summary>An order as orderingdb's read model has it: status, and when it was submitted and last changed.</summary>
internal sealed record OrderOutcome(Guid Id, string Status, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt)
{
    public bool IsTerminal => Status is "Confirmed" or "Cancelled";

    public double SubmittedToTerminalMs => (UpdatedAt - SubmittedAt).TotalMilliseconds;
}
