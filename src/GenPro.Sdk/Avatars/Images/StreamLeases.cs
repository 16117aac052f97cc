using System.Runtime.CompilerServices;

namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// Which request body is reading a caller's stream. A body sets the stream's position and reads it to the end, so two
/// calls sharing one stream (one <c>MemoryStream</c> uploaded to several agents at once) would read each other's bytes
/// and fail as "empty" or "not a JPEG", or worse, send a mix. A stream is therefore held by one body from the moment it
/// is sniffed until that body is disposed (the call ended); another call asking for it meanwhile is refused with a
/// message that says so. One body may hold a stream several times (the same image twice in one form): its parts are
/// written one after the other, each from the stream's start.
/// </summary>
internal static class StreamLeases
{
    private static readonly ConditionalWeakTable<Stream, Holder> Holders = new();

    /// <summary>A lease on <paramref name="stream"/> for <paramref name="body"/>, or null while another body holds it.</summary>
    public static IDisposable? TryTake(Stream stream, object body)
    {
        var holder = Holders.GetValue(stream, static _ => new Holder());
        lock (holder)
        {
            if (holder.Body is not null && !ReferenceEquals(holder.Body, body))
            {
                return null;
            }

            holder.Body = body;
            holder.Count++;
        }

        return new Lease(holder);
    }

    /// <summary>Whether some body holds <paramref name="stream"/> now.</summary>
    public static bool IsHeld(Stream stream)
    {
        if (!Holders.TryGetValue(stream, out var holder))
        {
            return false;
        }

        lock (holder)
        {
            return holder.Body is not null;
        }
    }

    private sealed class Holder
    {
        public object? Body { get; set; }

        public int Count { get; set; }
    }

    private sealed class Lease(Holder holder) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            lock (holder)
            {
                if (--holder.Count == 0)
                {
                    holder.Body = null;
                }
            }
        }
    }
}
