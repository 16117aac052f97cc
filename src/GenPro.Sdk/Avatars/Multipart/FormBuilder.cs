using GenPro.Sdk.Http;
using System.Net.Http.Headers;
using System.Text;
using GenPro.Sdk.Avatars.Images;

namespace GenPro.Sdk.Avatars.Multipart;

/// <summary>
/// Builds a <c>multipart/form-data</c> body with Rails field names. Names are quoted by hand because Refit's and
/// <see cref="MultipartFormDataContent"/>'s helpers either rename parts or add <c>filename*</c> to every file.
/// Images are opened (and sniffed) as they are added, so a refused image fails the build before any request starts.
/// </summary>
internal sealed class FormBuilder : IDisposable
{
    private MultipartFormDataContent? _content = new("GenProFormBoundary" + Guid.NewGuid().ToString("N"));

    /// <summary>True once an image part that cannot be serialized twice was added.</summary>
    public bool NonReplayable { get; private set; }

    public void AddText(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // No Content-Type: Rack reads a part without a file name as a plain parameter.
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        part.Headers.ContentDisposition = Disposition(name, fileName: null);
        Content.Add(part);
    }

    public async Task AddImageAsync(string name, ImageSource image, string paramName, CancellationToken cancellationToken)
    {
        var part = await image.OpenAsync(paramName, cancellationToken).ConfigureAwait(false);
        part.Headers.ContentDisposition = Disposition(name, image.FileName);
        Content.Add(part); // owned by the form from here: disposing the form disposes it
        NonReplayable |= !part.IsReplayable;
    }

    /// <summary>Hands the body over; the builder no longer disposes it.</summary>
    public RequestBody Build()
    {
        var body = new RequestBody(Content, NonReplayable);
        _content = null;
        return body;
    }

    public void Dispose() => _content?.Dispose();

    private MultipartFormDataContent Content => _content ?? throw new ObjectDisposedException(nameof(FormBuilder));

    private static ContentDispositionHeaderValue Disposition(string name, string? fileName)
    {
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = "\"" + name + "\"" };
        if (fileName is not null)
        {
            var ascii = AsciiFileName(fileName);
            disposition.FileName = "\"" + ascii + "\"";
            if (!string.Equals(ascii, fileName, StringComparison.Ordinal))
            {
                // RFC 5987 form for names plain quoting cannot carry; Rack prefers it when present.
                disposition.FileNameStar = fileName;
            }
        }

        return disposition;
    }

    /// <summary>The file name with quotes, backslashes, control and non-ASCII characters replaced, safe inside quotes.</summary>
    private static string AsciiFileName(string fileName)
    {
        var chars = fileName.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < ' ' or > '~' or '"' or '\\')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}

/// <summary>A request body (a built form, or JSON) and whether it can be resent (see <see cref="Http.RequestOptionKeys.NonReplayableBody"/>).</summary>
internal sealed class RequestBody(HttpContent content, bool nonReplayable) : IDisposable
{
    public HttpContent Content { get; } = content;

    public bool NonReplayable { get; } = nonReplayable;

    public void Dispose() => Content.Dispose();
}
