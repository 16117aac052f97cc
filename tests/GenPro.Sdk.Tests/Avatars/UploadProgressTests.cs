using System.Globalization;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Upload progress: bytes of the body written to the connection, never more than the body, ending at all of it.</summary>
public sealed class UploadProgressTests : IDisposable
{
    private readonly LoopbackServer _server = LoopbackServer.Recording(json: Samples.CreatedAgent);
    private readonly Images.TempDir _dir = new();
    private readonly GenProClient _client;

    public UploadProgressTests() => _client = _server.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_file_upload_reports_rising_counts_that_end_at_the_body_length()
    {
        var path = _dir.Write("big.png", [.. Images.Png, .. new byte[3 * 1024 * 1024]]);
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromFile(path)], progress);

        var request = _server.Requests.Single();
        var length = long.Parse(request.Headers["content-length"], CultureInfo.InvariantCulture);
        length.Should().Be(request.BodyLength);
        AssertReports(progress.Values, length);
        progress.Values.Count.Should().BeGreaterThan(10, "a 3 MB body is written in many pieces, each reported");
    }

    [Fact]
    public async Task Each_report_counts_bytes_the_connection_has_written_to_its_socket_not_bytes_read_ahead()
    {
        long onSocket = 0;
        var handler = GenPro.Sdk.Http.GenProPipeline.CreatePrimaryHandler();
        handler.ConnectCallback = async (context, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new SocketCounter(new System.Net.Sockets.NetworkStream(socket, ownsSocket: true), n => Interlocked.Add(ref onSocket, n));
        };
        using var client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = _server.BaseAddress }, handler);
        var ahead = new List<long>();
        var progress = new Recorder(value => ahead.Add(value - Interlocked.Read(ref onSocket)));
        var path = _dir.Write("big.png", [.. Images.Png, .. new byte[8 * 1024 * 1024]]);

        await client.Avatars.UploadAsync(42, [AvatarUpload.FromFile(path)], progress);

        // The connection may hold its own small write buffer (a few KB of part headers) before the socket; a count
        // taken when the file is read would run a whole 80 KB copy buffer ahead.
        ahead.Max().Should().BeLessThan(16 * 1024);
        AssertReports(progress.Values, _server.Requests.Single().BodyLength);
    }

    [Fact]
    public async Task A_chunked_upload_from_a_non_seekable_stream_ends_at_every_byte_of_the_body()
    {
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromStream(new Images.NonSeekableStream([.. Images.Png, .. new byte[200_000]]), "s.png")], progress);

        var request = _server.Requests.Single();
        request.Headers.Should().NotContainKey("content-length");
        AssertReports(progress.Values, request.BodyLength);
    }

    [Fact]
    public async Task Mixed_kinds_report_each_request_from_zero()
    {
        var progress = new Recorder();

        await _client.Avatars.UploadAsync(42, [AvatarUpload.FromDeGod(7), AvatarUpload.FromBytes(Images.Png, "a.png")], progress);

        var requests = _server.Requests;
        requests.Should().HaveCount(2);
        var restart = Enumerable.Range(1, progress.Values.Count - 1).Single(i => progress.Values[i] < progress.Values[i - 1]);
        AssertReports(progress.Values[..restart], requests[0].BodyLength);
        AssertReports(progress.Values[restart..], requests[1].BodyLength);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Agent_create_and_update_report_through_the_request(bool withFile)
    {
        var created = new Recorder();
        var updated = new Recorder();
        AvatarUpload Avatar() => withFile ? AvatarUpload.FromBytes(Images.Png, "a.png") : AvatarUpload.FromDeGod(7);

        await _client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { Avatar() }, UploadProgress = created });
        _server.ResponseJson = Samples.UpdatedAgent;
        await _client.Agents.UpdateAsync(42, new UpdateAgentRequest { Name = "B", Avatars = { Avatar() }, UploadProgress = updated });

        var requests = _server.Requests;
        requests[0].ContentType.Should().StartWith(withFile ? "multipart/form-data" : "application/json");
        AssertReports(created.Values, requests[0].BodyLength);
        AssertReports(updated.Values, requests[1].BodyLength);
    }

    [Fact]
    public async Task A_retried_upload_reports_its_resend_from_zero()
    {
        _server.StatusOf = n => n == 0 ? 429 : 200;
        using var client = new GenProClient(ApiServer.FastOptions(_server.BaseAddress));
        var progress = new Recorder();

        await client.Avatars.UploadAsync(42, [AvatarUpload.FromBytes(Images.Png, "a.png")], progress);

        var requests = _server.Requests;
        requests.Should().HaveCount(2, "a 429 is retried");
        var restart = Enumerable.Range(1, progress.Values.Count - 1).Single(i => progress.Values[i] < progress.Values[i - 1]);
        AssertReports(progress.Values[..restart], requests[0].BodyLength);
        AssertReports(progress.Values[restart..], requests[1].BodyLength);
    }

    [Fact]
    public async Task A_null_progress_is_refused()
    {
        var act = () => _client.Avatars.UploadAsync(42, [AvatarUpload.FromDeGod(7)], progress: null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("progress");
        _server.Requests.Should().BeEmpty();
    }

    private static void AssertReports(List<long> values, long bodyLength)
    {
        values.Should().NotBeEmpty();
        values.Should().BeInAscendingOrder().And.OnlyContain(v => v > 0 && v <= bodyLength);
        values[^1].Should().Be(bodyLength);
    }

    /// <summary>Records reports as they happen (not posted to a context, as <see cref="Progress{T}"/> would).</summary>
    private sealed class Recorder(Action<long>? onReport = null) : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value)
        {
            lock (Values)
            {
                onReport?.Invoke(value);
                Values.Add(value);
            }
        }
    }

    /// <summary>The connection's stream, counting the bytes written to the socket.</summary>
    private sealed class SocketCounter(Stream inner, Action<int> written) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            written(count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            written(buffer.Length);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
