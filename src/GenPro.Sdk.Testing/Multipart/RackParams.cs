namespace GenPro.Sdk.Testing.Multipart;

/// <summary>
/// Rack's nested-parameter rules (<c>Rack::QueryParser#normalize_params</c>, Rack 3), ported line for line so the
/// fake merges <c>a[][file]</c> and <c>a[][degod_avatar_id]</c> into one object exactly as Rails would: in
/// <c>a[][k]=v</c> a new hash starts in the array only when its last hash already has <c>k</c>.
/// The result is a tree of <see cref="Dictionary{TKey, TValue}"/> (insertion-ordered, like a Ruby hash),
/// <see cref="List{T}"/>, <see cref="string"/> and <see cref="RackFile"/>.
/// </summary>
internal static class RackParams
{
    /// <summary>Rack's default <c>param_depth_limit</c>.</summary>
    public const int DepthLimit = 32;

    /// <summary>Builds the parameter tree from name/value pairs in the order they arrived.</summary>
    public static Dictionary<string, object?> Parse(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var root = NewHash();
        foreach (var (name, value) in pairs)
        {
            Normalize(root, name, value, 0);
        }

        return root;
    }

    public static Dictionary<string, object?> NewHash() => new(StringComparer.Ordinal);

    private static object? Normalize(Dictionary<string, object?> parameters, string name, object? value, int depth)
    {
        if (depth >= DepthLimit)
        {
            throw new RackParamsException("Parameters are nested too deeply.");
        }

        string key;
        string after;
        if (depth == 0)
        {
            // At the start, a leading [ or [] is part of the key rather than nesting.
            var start = name.Length > 1 ? name.IndexOf('[', 1) : -1;
            (key, after) = start >= 0 ? (name[..start], name[start..]) : (name, string.Empty);
        }
        else if (name.StartsWith("[]", StringComparison.Ordinal))
        {
            (key, after) = ("[]", name[2..]);
        }
        else if (name.StartsWith('[') && name.IndexOf(']', 1) is var close and > 0)
        {
            (key, after) = (name[1..close], name[(close + 1)..]);
        }
        else
        {
            (key, after) = (name, string.Empty);
        }

        if (key.Length == 0)
        {
            return null;
        }

        if (after.Length == 0)
        {
            if (key == "[]" && depth != 0)
            {
                return new List<object?> { value };
            }

            parameters[key] = value;
        }
        else if (after == "[")
        {
            parameters[name] = value;
        }
        else if (after == "[]")
        {
            ArrayAt(parameters, key).Add(value);
        }
        else if (after.StartsWith("[]", StringComparison.Ordinal))
        {
            // x[][y]: a hash inside an array; anything else after [] is deeper array nesting.
            var childKey = after.Length > 3 && after[2] == '[' && after[^1] == ']' ? after[3..^1] : null;
            if (string.IsNullOrEmpty(childKey) || childKey.Contains('[', StringComparison.Ordinal) || childKey.Contains(']', StringComparison.Ordinal))
            {
                childKey = after[2..];
            }

            var array = ArrayAt(parameters, key);
            if (array.Count > 0 && array[^1] is Dictionary<string, object?> last && !HasKey(last, childKey))
            {
                Normalize(last, childKey, value, depth + 1);
            }
            else
            {
                array.Add(Normalize(NewHash(), childKey, value, depth + 1));
            }
        }
        else
        {
            if (!parameters.TryGetValue(key, out var existing) || existing is null)
            {
                existing = NewHash();
            }

            if (existing is not Dictionary<string, object?> hash)
            {
                throw new RackParamsException($"expected Hash (got {TypeName(existing)}) for param `{key}'");
            }

            parameters[key] = Normalize(hash, after, value, depth + 1);
        }

        return parameters;
    }

    private static List<object?> ArrayAt(Dictionary<string, object?> parameters, string key)
    {
        if (!parameters.TryGetValue(key, out var existing) || existing is null)
        {
            var created = new List<object?>();
            parameters[key] = created;
            return created;
        }

        return existing as List<object?>
               ?? throw new RackParamsException($"expected Array (got {TypeName(existing)}) for param `{key}'");
    }

    /// <summary>Rack's <c>params_hash_has_key?</c>: walks <c>[a][b]</c> paths; a key holding <c>[]</c> never counts as present.</summary>
    private static bool HasKey(Dictionary<string, object?> hash, string key)
    {
        if (key.Contains("[]", StringComparison.Ordinal))
        {
            return false;
        }

        object? current = hash;
        foreach (var part in key.Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is not Dictionary<string, object?> level || !level.TryGetValue(part, out current))
            {
                return false;
            }
        }

        return true;
    }

    private static string TypeName(object? value) => value switch
    {
        Dictionary<string, object?> => "Hash",
        List<object?> => "Array",
        RackFile => "Hash",
        _ => "String",
    };
}
