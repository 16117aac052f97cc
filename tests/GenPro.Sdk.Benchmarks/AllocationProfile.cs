using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// <c>-- allocprofile &lt;benchmark-description-part&gt; [InMemory|Loopback]</c>: which types one benchmark allocates,
/// sampled by the runtime's own allocation events (one <c>GCAllocationTick</c> per ~100 KB allocated, naming the type
/// that crossed the threshold), in process, with no tool to install. Over thousands of calls the sample shares
/// approach each type's share of the bytes; multiplied by the bytes per call measured over the same calls they give
/// bytes per call per type (printed).
/// </summary>
public static class AllocationProfile
{
    /// <summary><c>GENPRO_PROFILE_SCALE</c> multiplies the calls (more samples, finer shares; 10 gives about 10,000 samples).</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("GENPRO_PROFILE_SCALE"), out var scale) && scale > 0 ? scale : 1;

    private const int Top = 40;

    public static async Task<int> RunAsync(string descriptionPart, Transport transport)
    {
        foreach (var type in new[] { typeof(ModelBenchmarks), typeof(LayerBenchmarks), typeof(PerCallBenchmarks), typeof(PaginationBenchmarks) })
        {
            var method = type.GetMethods().FirstOrDefault(m =>
                m.GetCustomAttribute<BenchmarkAttribute>()?.Description?.Contains(descriptionPart, StringComparison.OrdinalIgnoreCase) == true);
            if (method is null)
            {
                continue;
            }

            var instance = Activator.CreateInstance(type)!;
            type.GetProperty("Transport")?.SetValue(instance, transport);
            type.GetMethods().FirstOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);
            var calls = (type == typeof(PaginationBenchmarks) ? 20 : 20_000) * Scale;
            for (var i = 0; i < calls / 10; i++)
            {
                await Call(method, instance);
            }

            using var listener = new AllocationListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await Call(method, instance);
            }

            var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
            listener.Dispose();
            var total = listener.Samples.Values.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method.GetCustomAttribute<BenchmarkAttribute>()!.Description} ({transport}): {total} samples over {calls} calls, {perCall:N0} B/call"));
            foreach (var (name, count) in listener.Samples.OrderByDescending(p => p.Value).Take(Top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * count / total,5:0.0} %  {perCall * count / total,8:N0} B  {name}"));
            }

            type.GetMethods().FirstOrDefault(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null)?.Invoke(instance, null);
            return 0;
        }

        Console.Error.WriteLine($"No benchmark's description contains '{descriptionPart}'.");
        return 1;
    }

    private static Task Call(MethodInfo method, object instance) => method.Invoke(instance, null) as Task ?? Task.CompletedTask;

    private sealed class AllocationListener : EventListener
    {
        public ConcurrentDictionary<string, int> Samples { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && eventData.Payload is { } payload)
            {
                var index = eventData.PayloadNames!.IndexOf("TypeName");
                Samples.AddOrUpdate(index >= 0 ? payload[index] as string ?? "?" : "?", 1, static (_, n) => n + 1);
            }
        }
    }
}
