#pragma once

#include <QString>
#include <optional>

namespace weft::expr::detail {

/// A MySQL DATE or DATETIME value as wall-clock fields (no time zone: MySQL has none either).
struct DateTime {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int micro = 0;
    int fsp = 0; ///< fraction digits shown, 0..6
};

namespace dt {

/// Days since 1970-01-01 of a proleptic Gregorian date.
qint64 daysFromCivil(qint64 year, int month, int day);
void civilFromDays(qint64 days, int &year, int &month, int &day);
int daysInMonth(int year, int month);
bool isLeap(int year);
/// A real calendar day in MySQL's range 0001-01-01 … 9999-12-31.
bool isValidDate(const DateTime &d);
/// MySQL allows "zero" parts ('2023-00-00', '0000-00-00') in values but not in arithmetic.
bool hasZeroPart(const DateTime &d);

/// Seconds since 1970-01-01 00:00:00 of the wall-clock value (no zone applied).
qint64 toEpochSeconds(const DateTime &d);
DateTime fromEpochSeconds(qint64 seconds, int micro = 0, int fsp = 0);

/// MySQL's string → DATE/DATETIME conversion ('2023-11-15', '2023-11-15 06:13:20.5',
/// '20231115', '2023/11/15T06:13', '23-11-15'). `hasTime` says whether a time part was
/// written. Text after a complete value is ignored (MySQL warns and does the same).
std::optional<DateTime> parse(QStringView text, bool *hasTime = nullptr);
/// MySQL's number → DATE/DATETIME conversion: 20231115, 20231115061320, 231115.
std::optional<DateTime> fromNumber(qint64 number, bool *hasTime = nullptr);

/// 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS[.ffffff]' (fsp digits).
QString toString(const DateTime &d, bool withTime);
/// YYYYMMDD or YYYYMMDDHHMMSS as a number (a temporal value in numeric context).
qint64 toNumber(const DateTime &d, bool withTime);

/// DATE_FORMAT(d, format); nullopt where MySQL gives NULL (a name of month 0).
std::optional<QString> format(const DateTime &d, QStringView format);

/// What STR_TO_DATE returns for a format: a date, a date-time or a time of day.
enum class FormatKind { Date, DateTime, Time };
FormatKind formatKind(QStringView format, int *fsp = nullptr);
/// STR_TO_DATE(text, format); nullopt where MySQL gives NULL.
std::optional<DateTime> strToDate(QStringView text, QStringView format);

/// Adds months keeping the day when it exists, else the month's last day (MySQL's rule).
std::optional<DateTime> addMonths(const DateTime &d, qint64 months);
/// Adds microseconds to the wall clock; nullopt outside 0001…9999.
std::optional<DateTime> addMicros(const DateTime &d, qint64 micros);

/// MySQL's calc_week() for DATE_FORMAT %U %u %V %v %X %x and WEEK().
int calcWeek(const DateTime &d, int behaviour, int *year);
/// 0 = Monday … 6 = Sunday.
int weekday(const DateTime &d);
int dayOfYear(const DateTime &d);

} // namespace dt
} // namespace weft::expr::detail
