namespace GenPro.Sdk.Operations;

/// <summary>The bounds every operation of a client runs under: its whole-call timeout and its largest success body.</summary>
internal sealed record OperationLimits(TimeSpan Timeout, long MaxResponseBodySize, TimeProvider TimeProvider)
{
    private readonly CancellationSources _sources = CancellationSources.For(TimeProvider);

    /// <summary>No timeout, and the default body limit: for runners built without options.</summary>
    public static readonly OperationLimits None =
        new(System.Threading.Timeout.InfiniteTimeSpan, GenProClientOptions.DefaultMaxResponseBodySize, TimeProvider.System);

    public static OperationLimits From(GenProClientOptions options, TimeProvider timeProvider) =>
        new(options.Timeout, options.MaxResponseBodySize, timeProvider);

    /// <summary>Starts the deadline of one operation; a shorter per-call timeout wins over the client's.</summary>
    public OperationDeadline StartDeadline(TimeSpan? callLimit, CancellationToken caller, CancellationToken disposal) =>
        new(Timeout, callLimit, _sources, caller, disposal);
}
