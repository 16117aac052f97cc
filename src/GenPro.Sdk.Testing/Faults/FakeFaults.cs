using GenPro.Sdk.Testing.Core;
using GenPro.Sdk.Testing.Faults;

namespace GenPro.Sdk.Testing;

/// <summary>
/// The queue of injected faults of a <see cref="FakeGenProApi"/>. Each request takes the first queued entry that
/// matches it, in the order entries were added; an entry added with <c>times: 3</c> serves three requests. Thread-safe.
/// </summary>
public sealed class FakeFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    internal FakeFaults()
    {
    }

    /// <summary>How many faulted answers are still queued, all entries together.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _entries.Sum(e => e.Remaining);
            }
        }
    }

    /// <summary>Queues a fault for the next <paramref name="times"/> matching requests.</summary>
    /// <param name="fault">What to do instead of answering normally.</param>
    /// <param name="times">How many requests it serves; at least 1.</param>
    /// <param name="method">Only requests with this method; null for any.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, such as <c>/v1/agents/42/avatars</c>; null for any.</param>
    /// <returns>This queue, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public FakeFaults Add(FakeFault fault, int times = 1, HttpMethod? method = null, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _entries.Add(new Entry(fault, method?.Method, pathPrefix) { Remaining = times });
        }

        return this;
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal FakeFault? TryTake(FakeRequestData request)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if ((entry.Method is null || string.Equals(entry.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                    && (entry.PathPrefix is null || request.Path.StartsWith(entry.PathPrefix, StringComparison.Ordinal)))
                {
                    if (--entry.Remaining == 0)
                    {
                        _entries.RemoveAt(i);
                    }

                    return entry.Fault;
                }
            }

            return null;
        }
    }

    private sealed class Entry(FakeFault fault, string? method, string? pathPrefix)
    {
        public FakeFault Fault { get; } = fault;

        public string? Method { get; } = method;

        public string? PathPrefix { get; } = pathPrefix;

        public int Remaining { get; set; }
    }
}
