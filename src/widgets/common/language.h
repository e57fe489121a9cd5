#pragma once

#include <QString>
#include <QStringList>

namespace weft {

/// The designer's languages: 简体中文 and English, switched live (QTranslator + every
/// widget's LanguageChange handling), remembered in the settings.
class Language final
{
public:
    /// "zh_CN", "en".
    static QStringList available();
    /// The language's own name: "简体中文", "English".
    static QString nativeName(const QString &code);
    /// The saved choice, or (first start) Chinese on a Chinese system, English elsewhere.
    static QString preferred();
    static QString current();
    /// Installs the translators of `code` (removing the previous ones) and saves the choice.
    /// Widgets then receive QEvent::LanguageChange and retranslate themselves.
    static bool apply(const QString &code, bool save = true);
};

} // namespace weft
