#pragma once

#include <QCoreApplication>
#include <QString>

namespace weft {

/// The languages Weft's messages come in: "zh_CN" and "en" (the source text).
///
/// The core's messages (validation problems, run errors) and weft-run's output are written in
/// English and wrapped in QCoreApplication::translate(context, text), so lupdate collects them
/// into translations/weft_core_zh_CN.ts; its .qm is compiled into weft_core.
/// Contexts of the core's translatable messages: `ProjectText::tr("…")` for loading and
/// validating a project, `RunText::tr("…")` for what runs report, `CliText::tr("…")` for
/// weft-run's own output. lupdate finds them by these class names.
class ProjectText
{
    Q_DECLARE_TR_FUNCTIONS(weft::ProjectText)
};
class RunText
{
    Q_DECLARE_TR_FUNCTIONS(weft::RunText)
};
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(weft::CliText)
};

namespace translation {

/// "zh_CN" when the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is Chinese, else "en".
QString systemLanguage();

/// Installs the core's translation for `language` ("zh_CN" or "en"; anything else is
/// refused) on the application, replacing one installed earlier. Returns false for an
/// unknown language. Needs a QCoreApplication.
bool installCore(const QString &language);

/// The language installCore() installed last ("en" before any).
QString coreLanguage();

} // namespace translation
} // namespace weft
