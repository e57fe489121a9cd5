// libFuzzer target: project files (issue 7, "Bad input"). Any bytes given to loadProject and,
// when they make a project, to validateProject must give a result and diagnostics — never a
// crash, hang or leak. Beyond not crashing:
//   * every diagnostic says something, and its pointer is a JSON pointer ("" or "/…");
//   * positions, where known, lie inside the file;
//   * the canonical form is stable: a loaded project, saved, loads again without new errors
//     and saves to the same bytes (docs/project-format.md: load+save reproduces a canonical
//     file byte for byte);
//   * a file that loads without errors is validated the same way after that round trip.
// Seeds: tests/fuzz/corpus/project/ (the five examples, compacted, and small broken files).

#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

using namespace weft;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

int lineCount(const QByteArray &bytes)
{
    return int(bytes.count('\n')) + 1;
}

void checkDiagnostics(const Diagnostics &diagnostics, const QByteArray &file)
{
    for (const Diagnostic &d : diagnostics) {
        check(!d.message.trimmed().isEmpty());
        check(d.pointer.isEmpty() || d.pointer.startsWith(u'/'));
        if (d.position.isValid())
            check(d.position.line <= lineCount(file) && d.position.column >= 0);
        (void)d.toString(QStringLiteral("fuzz.weft.json"));
    }
}

QStringList messages(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << d.pointer + u' ' + d.message;
    out.sort();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ValidateOptions options;
    options.checkEnvironment = true; // the lookup below: deterministic, never the real env
    options.environment = [](const QString &name) {
        return name.startsWith(QLatin1String("SET_")) ? QStringLiteral("value") : QString();
    };

    const ProjectLoadResult loaded = loadProject(bytes);
    checkDiagnostics(loaded.diagnostics, bytes);
    if (!loaded.project) {
        check(hasErrors(loaded.diagnostics)); // no project, so something must be wrong
        return 0;
    }
    const Diagnostics semantic = validateProject(*loaded.project, options);
    checkDiagnostics(semantic, QByteArray());

    // The canonical form: saving is stable, and loading it adds no error.
    const QByteArray saved = saveProject(*loaded.project);
    const ProjectLoadResult reloaded = loadProject(saved);
    check(reloaded.project.has_value());
    checkDiagnostics(reloaded.diagnostics, saved);
    check(errorCount(reloaded.diagnostics) <= errorCount(loaded.diagnostics));
    check(saveProject(*reloaded.project) == saved);
    if (!hasErrors(loaded.diagnostics))
        check(messages(validateProject(*reloaded.project, options)) == messages(semantic));
    return 0;
}
