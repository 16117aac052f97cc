using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// <c>-- alloc [class-name-part]</c>: bytes allocated per call of every benchmark, in seconds rather than minutes.
/// Allocation does not depend on load, so this is how allocation cuts were checked between full runs. Each case runs
/// a warm-up, then <see cref="Calls"/> calls; the figure is the process-wide allocation delta over the calls (the
/// in-process loopback server included, as in BenchmarkDotNet's memory diagnoser).
/// </summary>
public static class AllocationProbe
{
    private const int Calls = 400;

    public static async Task<int> RunAsync(string? filter)
    {
        Type[] types = [typeof(ModelBenchmarks), typeof(LayerBenchmarks), typeof(PerCallBenchmarks), typeof(PaginationBenchmarks)];
        foreach (var type in types.Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            var transports = type.GetProperty("Transport") is null ? [(Transport?)null] : new Transport?[] { Transport.InMemory, Transport.Loopback };
            foreach (var transport in transports)
            {
                await ProbeAsync(type, transport);
            }
        }

        return 0;
    }

    private static async Task ProbeAsync(Type type, Transport? transport)
    {
        var instance = Activator.CreateInstance(type)!;
        if (transport is { } t)
        {
            type.GetProperty("Transport")!.SetValue(instance, t);
        }

        Invoke<GlobalSetupAttribute>(type, instance);
        try
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                var call = Call(method, instance);
                var calls = type == typeof(PaginationBenchmarks) ? Calls / 40 : Calls;
                for (var i = 0; i < Math.Max(calls / 4, 2); i++)
                {
                    await call();
                }

                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < calls; i++)
                {
                    await call();
                }

                var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
                var name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type.Name,-22} {transport?.ToString() ?? "",-9} {name,-58} {perCall,12:N0} B/call"));
            }
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    /// <summary>The benchmark as an awaitable call; a synchronous one (the models) completes at once.</summary>
    private static Func<Task> Call(MethodInfo method, object instance)
    {
        if (typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            return method.CreateDelegate<Func<Task>>(instance);
        }

        var call = method.CreateDelegate<Func<object?>>(instance);
        return () =>
        {
            call();
            return Task.CompletedTask;
        };
    }

    private static void Invoke<TAttribute>(Type type, object instance) where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
