using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// A failure of the caller's own code while a body is sent (their image stream throws mid-body, their progress
/// callback throws) is reported as theirs: the documented <see cref="IOException"/> "… could not be read …" naming the
/// image, or the callback's own exception. It used to be a <see cref="GenProConnectionException"/> saying the server
/// closed the connection or the request failed in transport. Real sockets: the raw listener receives the start of the body.
/// </summary>
public sealed class CallerFailureTests
{
    private const int FailAt = 64 * 1024;

    /// <summary>A PNG of 256 KiB, so the stream fails well inside the body.</summary>
    private static readonly byte[] LargePng = [.. Images.Png, .. new byte[256 * 1024]];

    public static TheoryData<string, string> Streams => ClientPaths.Cross(
        "seekable upload", "non-seekable upload", "seekable create", "non-seekable update", "seekable upload, ObjectDisposedException");

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task A_stream_that_throws_mid_body_is_the_documented_io_exception_naming_the_image(string path, string @case)
    {
        using var server = LoopbackServer.Recording(json: Samples.CreatedAgent, keepBodies: false);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        Exception streamFailure = @case.EndsWith("ObjectDisposedException", StringComparison.Ordinal)
            ? new ObjectDisposedException("the caller's stream")
            : new IOException("the caller's disk went away");
        using var stream = new FailingStream(LargePng, FailAt, streamFailure, seekable: !@case.StartsWith("non-seekable", StringComparison.Ordinal));
        var upload = AvatarUpload.FromStream(stream, "big.png");

        Func<Task> call = @case switch
        {
            _ when @case.Contains("create", StringComparison.Ordinal) => () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { upload } }),
            _ when @case.Contains("update", StringComparison.Ordinal) => () => client.Agents.UpdateAsync(42, new UpdateAgentRequest { Avatars = { upload } }),
            _ => () => client.Avatars.UploadAsync(42, upload),
        };

        var e = (await call.Should().ThrowExactlyAsync<IOException>()).Which;
        e.Message.Should().Be($"The avatar image 'big.png' could not be read while it was sent: {streamFailure.Message}");
        e.InnerException.Should().BeSameAs(streamFailure);
        stream.FailedReads.Should().Be(1, "the failure is not retried: it is the caller's, and a write is not resent");
        server.Requests.Should().HaveCountLessThanOrEqualTo(1);
    }

    public static TheoryData<string, string> Progress => ClientPaths.Cross("upload", "create", "create without a file", "update");

    [Theory]
    [MemberData(nameof(Progress))]
    public async Task A_progress_callback_that_throws_ends_the_call_with_its_own_exception(string path, string @case)
    {
        using var server = LoopbackServer.Recording(json: Samples.CreatedAgent, keepBodies: false);
        using var client = ClientPaths.Create(path, ApiServer.FastOptions(server.BaseAddress));
        var progress = new ThrowingProgress(afterBytes: @case == "create without a file" ? 1 : 1000);

        Func<Task> call = @case switch
        {
            "upload" => () => client.Avatars.UploadAsync(42, [AvatarUpload.FromBytes(LargePng, "big.png")], progress),
            "create" => () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", Avatars = { AvatarUpload.FromBytes(LargePng, "big.png") }, UploadProgress = progress }),
            "create without a file" => () => client.Agents.CreateAsync(new CreateAgentRequest { Name = "A", UploadProgress = progress }),
            _ => () => client.Agents.UpdateAsync(42, new UpdateAgentRequest { Avatars = { AvatarUpload.FromBytes(LargePng, "big.png") }, UploadProgress = progress }),
        };

        (await call.Should().ThrowExactlyAsync<InvalidOperationException>()).Which.Should().BeSameAs(progress.Failure);
        progress.Throws.Should().Be(1, "the failure is not retried");
    }

    /// <summary>Reports until <paramref name="afterBytes"/> are written, then throws (once; later reports would throw again).</summary>
    private sealed class ThrowingProgress(long afterBytes) : IProgress<long>
    {
        public InvalidOperationException Failure { get; } = new("the caller's progress display failed");

        public int Throws { get; private set; }

        public void Report(long value)
        {
            if (value >= afterBytes)
            {
                Throws++;
                throw Failure;
            }
        }
    }

    /// <summary>Reads like a stream over <paramref name="bytes"/> until offset <paramref name="failAt"/>, where every read throws <paramref name="failure"/>.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt, Exception failure, bool seekable) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public int FailedReads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? _inner.Length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? _inner.Position : throw new NotSupportedException();
            set => _inner.Position = seekable ? value : throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_inner.Position >= failAt)
            {
                FailedReads++;
                throw failure;
            }

            return _inner.Read(buffer[..(int)Math.Min(buffer.Length, failAt - _inner.Position)]);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => seekable ? _inner.Seek(offset, origin) : throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
