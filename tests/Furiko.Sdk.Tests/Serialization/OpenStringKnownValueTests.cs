using System.Collections;
using System.Reflection;
using System.Text.Json;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Tests.Models;

namespace Furiko.Sdk.Tests.Serialization;

/// <summary>
/// A known value of an open string type is read without a new string: it shares the constant's. That only works if
/// every type hands its constants to the converter through <see cref="IOpenString{TSelf}.Known"/>.
/// </summary>
public class OpenStringKnownValueTests
{
    public static TheoryData<string> OpenStringTypeNames() =>
        [.. typeof(IOpenString<>).Assembly.GetTypes().Where(CrdSchemaChecker.IsOpenString).Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(OpenStringTypeNames))]
    public void Every_open_string_type_gives_the_converter_all_its_constants(string typeName)
    {
        var type = TypeNamed(typeName);
        var own = (IEnumerable)type.GetProperty("Known", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.FieldType == type).Select(field => field.GetValue(null)!);

        var throughInterface = (IEnumerable)typeof(OpenStringKnownValueTests).GetMethod(nameof(KnownThroughInterface), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null)!;

        Assert.NotEmpty(throughInterface.Cast<object>());
        Assert.Equal(own.Cast<object>(), throughInterface.Cast<object>());
        Assert.Equal(constants.ToHashSet(), throughInterface.Cast<object>().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(OpenStringTypeNames))]
    public void A_known_value_read_from_JSON_shares_the_constants_string(string typeName)
    {
        var type = TypeNamed(typeName);
        foreach (var known in ((IEnumerable)type.GetProperty("Known", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Cast<object>())
        {
            var text = (string)type.GetProperty("Value")!.GetValue(known)!;

            var read = JsonSerializer.Deserialize($"\"{text}\"", type)!;

            Assert.Equal(known, read);
            Assert.Same(text, type.GetProperty("Value")!.GetValue(read));
        }
    }

    [Fact]
    public void An_escaped_known_value_and_an_unknown_value_still_read_as_their_text()
    {
        Assert.Equal(TaskState.Running, JsonSerializer.Deserialize<TaskState>("\"Run\\u006Eing\""));
        Assert.Equal("Runnin", JsonSerializer.Deserialize<TaskState>("\"Runnin\"").Value);
        Assert.Equal("Running ", JsonSerializer.Deserialize<TaskState>("\"Running \"").Value);
    }

    private static IReadOnlyList<T> KnownThroughInterface<T>()
        where T : struct, IOpenString<T> => T.Known;

    private static Type TypeNamed(string fullName) => typeof(IOpenString<>).Assembly.GetType(fullName, throwOnError: true)!;
}
