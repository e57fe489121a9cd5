#pragma once

#include <QString>

namespace weft::expr {

/// A compile or evaluation error of a mapping value, with where it is and how to fix it.
struct ExprError {
    QString message;    ///< "unknown function DATE_FROMAT"
    int position = -1;  ///< 0-based character offset in the value text; -1 when not known
    int length = 0;     ///< characters the error is about (for underlining in an editor)
    QString suggestion; ///< "did you mean DATE_FORMAT?"; empty when there is none

    bool isEmpty() const { return message.isEmpty(); }
    /// "message (suggestion) at column N", the part formatError() puts after the text.
    QString toString() const;
};

/// The one-line message shown to people, naming the scheme, the field, the value and where:
/// "scheme 'purchasein': target field FDATE: `_function DATE_FROMAT(…)`: unknown function
/// DATE_FROMAT (did you mean DATE_FORMAT?) at column 11". Long values are shortened around
/// the error position. Empty scheme or field parts are left out; a `field` containing a
/// space is printed as given ("source parameter page_size") instead of "target field X".
QString formatError(const QString &scheme, const QString &field, const QString &text,
                    const ExprError &e);

} // namespace weft::expr
