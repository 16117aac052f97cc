using GenPro.Sdk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Runs alone: <see cref="GC.GetTotalAllocatedBytes"/> counts every thread of the process.</summary>
[CollectionDefinition(nameof(SerialAllocationTests), DisableParallelization = true)]
public sealed class SerialAllocationTests;

/// <summary>An upload streams from disk to the socket: its managed allocations do not grow with the file.</summary>
[Collection(nameof(SerialAllocationTests))]
public sealed class UploadMemoryTests(ITestOutputHelper output)
{
    private const long Size = 100L * 1024 * 1024;

    [Fact]
    public async Task A_100_MB_upload_allocates_a_small_amount_independent_of_its_size()
    {
        using var dir = new Images.TempDir();
        var big = Path.Combine(dir.Path, "big.png");
        using (var file = File.Create(big))
        {
            file.Write(Images.Png.AsSpan(0, 8));
            file.SetLength(Size); // PNG signature, then zeros
        }

        using var server = LoopbackServer.Recording(keepBodies: false);
        using var client = server.CreateClient();
        await client.Avatars.UploadAsync(42, AvatarUpload.FromFile(dir.Write("warm.png", Images.Png))); // JIT, connection
        var upload = AvatarUpload.FromFile(big);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.Avatars.UploadAsync(42, upload);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"100 MB upload: {allocated:N0} bytes allocated (managed, whole process)");
        var request = server.Requests[^1];
        request.BodyLength.Should().BeGreaterThan(Size).And.BeLessThan(Size + 1024);
        request.Headers["content-length"].Should().Be(request.BodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        allocated.Should().BeLessThan(4 * 1024 * 1024);
    }

    [Fact]
    public async Task With_progress_a_100_MB_upload_still_allocates_a_small_amount_and_reports_every_byte()
    {
        using var dir = new Images.TempDir();
        var big = Path.Combine(dir.Path, "big.png");
        using (var file = File.Create(big))
        {
            file.Write(Images.Png.AsSpan(0, 8));
            file.SetLength(Size);
        }

        using var server = LoopbackServer.Recording(keepBodies: false);
        using var client = server.CreateClient();
        var progress = new LastValue();
        await client.Avatars.UploadAsync(42, [AvatarUpload.FromFile(dir.Write("warm.png", Images.Png))], progress);
        var upload = AvatarUpload.FromFile(big);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.Avatars.UploadAsync(42, [upload], progress);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"100 MB upload with progress: {allocated:N0} bytes allocated (managed, whole process), {progress.Reports:N0} reports");
        var request = server.Requests[^1];
        progress.Value.Should().Be(request.BodyLength);
        progress.Max.Should().Be(request.BodyLength);
        allocated.Should().BeLessThan(4 * 1024 * 1024);
    }

    /// <summary>Keeps the last and largest report without allocating.</summary>
    private sealed class LastValue : IProgress<long>
    {
        public long Value { get; private set; }

        public long Max { get; private set; }

        public int Reports { get; private set; }

        public void Report(long value)
        {
            Value = value;
            Max = Math.Max(Max, value);
            Reports++;
        }
    }
}
