namespace GenPro.Sdk.Bodies;

/// <summary>
/// One field of a request body, placed the way Rails nests parameters: <see cref="Name"/> at the top, or inside the
/// <see cref="Parent"/> object, or inside its <see cref="Nested"/> attributes, which are item <see cref="Item"/> of a
/// list when that is set. Written as JSON by <see cref="JsonBody"/> and as a form by <see cref="FormBuilder"/>, so a
/// body is described once whatever it travels as.
/// </summary>
/// <param name="Name">The field's own name: <c>name</c>, <c>degod_avatar_id</c>.</param>
/// <param name="Value">A <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> or image (forms only).</param>
internal readonly record struct BodyField(string Name, object Value)
{
    /// <summary>The object the field sits in (<c>agent</c>); null for a top-level field.</summary>
    public string? Parent { get; init; }

    /// <summary>The nested attributes inside <see cref="Parent"/> the field belongs to (<c>agent_avatars_attributes</c>).</summary>
    public string? Nested { get; init; }

    /// <summary>The index of the item of <see cref="Nested"/> when those attributes are a list.</summary>
    public int? Item { get; init; }

    /// <summary>The Rails form name: <c>agent[agent_avatars_attributes][0][file]</c>.</summary>
    public string FormName =>
        Parent is null ? Name
        : Nested is null ? $"{Parent}[{Name}]"
        : Item is { } item ? $"{Parent}[{Nested}][{item}][{Name}]"
        : $"{Parent}[{Nested}][{Name}]";
}
