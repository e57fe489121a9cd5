#pragma once

#include <QString>
#include <QStringList>

namespace weft::mock {

class DetRandom;

/// Word lists for realistic Chinese and ASCII text in generated records.
namespace textpool {

QString personName(DetRandom &rng);
/// "杭州鑫达贸易有限公司" style; `key` picks the same name for the same key.
QString companyName(quint64 seed, quint64 key);
QString city(DetRandom &rng);
QString productName(DetRandom &rng);
QString remark(DetRandom &rng);
QString jstUnit(DetRandom &rng);
QString k3Unit(DetRandom &rng);
/// Upper-case ASCII letters of the given length.
QString letters(DetRandom &rng, int count);
/// A text of exactly `length` characters (Chinese and ASCII), for deliberately over-long values.
QString longText(int length, const QString &prefix);

} // namespace textpool

} // namespace weft::mock
