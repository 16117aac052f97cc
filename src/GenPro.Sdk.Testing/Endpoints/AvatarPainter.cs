using System.Buffers.Binary;
using System.IO.Compression;

namespace GenPro.Sdk.Testing.Endpoints;

/// <summary>
/// Paints the picture of a DeGod avatar (which has no uploaded file) as a real PNG: a 64×64 square in a colour of its
/// own with a lighter round face, so a client that checks an image's magic bytes, a browser and a notebook all show it.
/// PNG is written by hand (signature, IHDR, one zlib IDAT, IEND): a few dozen lines instead of an imaging dependency.
/// </summary>
internal static class AvatarPainter
{
    private const int Size = 64;
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] DeGod(long deGodId)
    {
        var hue = deGodId * 47 % 360;
        var background = Hsl(hue, 0.55, 0.45);
        var face = Hsl(hue, 0.55, 0.80);
        var pixels = new byte[Size * ((Size * 3) + 1)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * ((Size * 3) + 1);
            pixels[row] = 0; // filter: none
            for (var x = 0; x < Size; x++)
            {
                var (dx, dy) = (x - 31.5, y - 26.5);
                var colour = (dx * dx) + (dy * dy) <= 13 * 13 || (y >= 44 && Math.Abs(dx) <= 20 - (y - 44) / 3.0) ? face : background;
                colour.CopyTo(pixels.AsSpan(row + 1 + (x * 3)));
            }
        }

        return Encode(pixels);
    }

    private static byte[] Encode(byte[] pixels)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB
        WriteChunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(pixels);
            }

            WriteChunk(png, "IDAT"u8, compressed.ToArray());
        }

        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        var crc = Crc(Crc(0xFFFFFFFF, type), data) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        png.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static byte[] Hsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var h = hue / 60;
        var x = chroma * (1 - Math.Abs((h % 2) - 1));
        var (r, g, b) = h switch
        {
            < 1 => (chroma, x, 0.0),
            < 2 => (x, chroma, 0.0),
            < 3 => (0.0, chroma, x),
            < 4 => (0.0, x, chroma),
            < 5 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = lightness - (chroma / 2);
        return [ToByte(r + m), ToByte(g + m), ToByte(b + m)];
    }

    private static byte ToByte(double channel) => (byte)Math.Clamp(Math.Round(channel * 255), 0, 255);
}
