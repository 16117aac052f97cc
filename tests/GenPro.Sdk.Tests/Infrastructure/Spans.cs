using System.Diagnostics;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>Collects the SDK's spans.</summary>
public static class Spans
{
    public static ActivityListener Listen(List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "GenPro.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>The one span tagged with <paramref name="requestId"/> (other tests' spans run in parallel).</summary>
    public static Activity Of(List<Activity> spans, string requestId)
    {
        lock (spans)
        {
            return spans.Should().ContainSingle(a => (string?)a.GetTagItem("genpro.request_id") == requestId).Subject;
        }
    }
}
