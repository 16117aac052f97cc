using System.IO.Compression;
using System.Net;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;
using static GenPro.Sdk.Tests.Security.SecretLeakTests;
using static GenPro.Sdk.Tests.Security.TimeoutTests;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11 items 9-10: <see cref="GenProClientOptions.MaxResponseBodySize"/> bounds what a success body can cost,
/// counted after decompression: a huge <c>Content-Length</c>, an endless chunked listing and a gzip bomb each end with a
/// <see cref="GenProApiException"/> and bounded allocations. These measure process-wide allocations, so they run alone.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class BodySizeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string LimitText = "GenProClientOptions.MaxResponseBodySize (16777216 bytes, counted after decompression); the SDK stopped reading it.";

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_ten_gigabyte_content_length_that_drips_is_refused_at_the_headers(Construction construction)
    {
        using var server = LoopbackServer.Scripted((_, stream) =>
            Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n", "["));
        using var witness = new Witness();
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.Timeout = TimeSpan.FromSeconds(10);
        var client = witness.Client(options, construction);

        var (e, elapsed, allocated) = await Measured(() => client.Agents.ListAsync());

        var api = e.Should().BeOfType<GenProApiException>().Subject;
        api.StatusCode.Should().Be(HttpStatusCode.OK);
        api.Message.Should().Be("GET /v1/agents answered 200 OK, but its Content-Length (10737418240 bytes) is above " + LimitText + api.RequestIdSuffix());
        api.ErrorCode.Should().BeNull();
        api.ResponseBody.Should().BeNull();
        api.InnerException.Should().BeNull();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(9), "it is refused at the headers, not at the timeout");
        allocated.Should().BeLessThan(8L * 1024 * 1024);
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task An_endless_chunked_listing_stops_at_the_size_limit(Construction construction)
    {
        var item = Encoding.ASCII.GetBytes($"{{\"id\":1,\"name\":\"{new string('n', 1000)}\"}},");
        var chunk = Enumerable.Repeat(item, 60).SelectMany(b => b).ToArray();
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            await WriteChunk(stream, "["u8.ToArray());
            while (true)
            {
                await WriteChunk(stream, chunk); // ends when the client closes the connection
            }
        });
        using var witness = new Witness();
        var client = witness.Client(ApiServer.FastOptions(server.BaseAddress), construction);

        var (e, _, allocated) = await Measured(() => client.Agents.ListAsync());

        e.Should().BeOfType<GenProApiException>().Which.Message.Should().Be("GET /v1/agents answered 200 OK, but its body is larger than " + LimitText + ((GenProException)e!).RequestIdSuffix());
        allocated.Should().BeLessThan(96L * 1024 * 1024, "16 MiB of JSON becomes about 38 MiB of allocations (it reached 6.4 GB before)");
    }

    [Theory]
    [InlineData(Construction.Constructor)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_gzip_bomb_stops_at_the_size_limit_counted_after_decompression(Construction construction)
    {
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
            await using var chunked = new ChunkedWriter(stream);
            await using var gzip = new GZipStream(chunked, CompressionLevel.Fastest);
            await gzip.WriteAsync("{\"id\": 1, \"name\": \""u8.ToArray());
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var i = 0; i < 400; i++)
            {
                await gzip.WriteAsync(block); // 400 MB inflated; the client stops reading long before
            }

            await gzip.WriteAsync("\"}"u8.ToArray());
        });
        using var witness = new Witness();
        var client = witness.Client(ApiServer.FastOptions(server.BaseAddress), construction);

        var (e, _, allocated) = await Measured(() => client.Agents.GetAsync(1));

        e.Should().BeOfType<GenProApiException>().Which.Message.Should().Be("GET /v1/agents/1 answered 200 OK, but its body is larger than " + LimitText + ((GenProException)e!).RequestIdSuffix());
        allocated.Should().BeLessThan(96L * 1024 * 1024, "the JSON reader buffers about the limit, 35 MiB measured (it cost 1.7 GB before)");
    }

    [Fact]
    public async Task A_smaller_limit_applies_and_a_body_at_the_limit_is_read()
    {
        var body = $"{{\"id\": 1, \"name\": \"{new string('n', 1000)}\"}}";
        using var server = LoopbackServer.Scripted((_, stream) => Write(stream, Response(200, body)));
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.MaxResponseBodySize = body.Length;
        using var client = new GenProClient(options);
        (await client.Agents.GetAsync(1)).Name.Should().HaveLength(1000);

        options.MaxResponseBodySize = body.Length - 1;
        using var smaller = new GenProClient(options);
        var e = await Assert.ThrowsAsync<GenProApiException>(() => smaller.Agents.GetAsync(1));
        e.Message.Should().Contain($"its Content-Length ({body.Length} bytes) is above GenProClientOptions.MaxResponseBodySize ({body.Length - 1} bytes");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_size_limit_that_is_not_positive_is_refused(long size)
    {
        var act = () => new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, MaxResponseBodySize = size });

        act.Should().ThrowExactly<ArgumentException>().WithMessage("GenProClientOptions.MaxResponseBodySize must be a positive number of bytes (16 MiB unless set).*");
    }

    [Fact]
    public void The_size_limit_is_in_the_options_description()
    {
        new GenProClientOptions().ToString().Should().Contain("MaxResponseBodySize = 16777216");
        GenProClientOptions.DefaultMaxResponseBodySize.Should().Be(16 * 1024 * 1024);
    }

    private async Task<(Exception Error, TimeSpan Elapsed, long Allocated)> Measured(Func<Task> call)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (e, elapsed) = await Timed(call);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"ended after {elapsed.TotalSeconds:0.00} s, {allocated / (1024.0 * 1024):0.0} MiB allocated in the process");
        return (e, elapsed, allocated);
    }

    /// <summary>Writes what it is given as HTTP/1.1 chunks; disposing it writes the last chunk.</summary>
    private sealed class ChunkedWriter(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length > 0)
            {
                await inner.WriteAsync(Encoding.ASCII.GetBytes($"{buffer.Length:x}\r\n"), cancellationToken);
                await inner.WriteAsync(buffer, cancellationToken);
                await inner.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask DisposeAsync()
        {
            await inner.WriteAsync("0\r\n\r\n"u8.ToArray());
            await base.DisposeAsync();
        }
    }
}

/// <summary>Tests that measure process-wide allocations run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements (run alone)";
}
