// Every `_function` expression below is evaluated by Weft and by a real MariaDB
// (`SELECT CAST((<expr>) AS CHAR)` with time_zone '+08:00' and a fixed timestamp); the texts
// must be equal. MariaDB is the authority: where they differ, the evaluator is wrong.

#include "core/expr/expression.h"
#include "support/mariadb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace weft::expr;

namespace {

// 1700000000.25 = 2023-11-14 22:13:20.25 UTC = 2023-11-15 06:13:20.25 in China.
constexpr qint64 kNowMs = Q_INT64_C(1700000000250);

const char *const kExpressions[] = {
    // arithmetic, MySQL types and coercions
    "1+1",
    "1.5*2",
    "10/4",
    "1/3",
    "2/3",
    "1/3*3",
    "1/3*3 = 1",
    "1/3 = 0.3333",
    "1/3 = 0.333333333",
    "FLOOR(1/3*3)",
    "1.0/3*1000000000000",
    "1/3/3*1000000000000",
    "10.5/3",
    "1/3/7",
    "1/7*7",
    "(1/3)+0",
    "1/3 - 0.3333",
    "0.1+0.2",
    "0.1e0+0.2e0",
    "1e15",
    "1e14",
    "1e-7",
    "1e-15",
    "1e-16",
    "1.5e20",
    "123456789012345678e0",
    "1e0/3",
    "2/3e0",
    "123.456e0",
    "0.0001e0",
    "1.7976931348623157e308",
    "-1*'12.5'",
    "'12.5'*2",
    "'12abc'+1",
    "'abc'+1",
    "'  7 '+1",
    "'1e3'+0",
    "'.5'+0",
    "-'abc'",
    "-0e0",
    "- 0.0",
    "1/0",
    "1 DIV 0",
    "5 % 0",
    "MOD(7,0)",
    "7 DIV 2",
    "-7 DIV 2",
    "7.5 DIV 2",
    "-7 % 3",
    "7.5 % 2",
    "5.0 % 2",
    "2 % 1.50",
    "9223372036854775807 + 0",
    "-9223372036854775808",
    "99999999999999999999 + 1",
    "0.000001 * 0.000001",
    "1.10 + 2.205",
    "3 - 5.5",
    "2 * 0.5",
    "100 / 8",
    "1.5 / 0.5",
    "-1.5 / 0.7",
    "'10' / '4'",
    "10 / '4'",
    "TRUE + 1",
    "NULL + 1",
    "NULL * 0",
    "2 + 3 * 4 - 6 / 2",
    "(2 + 3) * 4",
    "-(-3)",
    "--3",
    // comparison and logic
    "1 = '1.0'",
    "'a' = 'A '",
    "'a' = 'á'",
    "'abc' < 'abd'",
    "'a' < 'B'",
    "2 > '10'",
    "'2' > '10'",
    "NULL = NULL",
    "NULL <=> NULL",
    "1 <=> NULL",
    "1 <> 2",
    "1 != 1",
    "1 AND NULL",
    "0 AND NULL",
    "1 OR NULL",
    "0 OR NULL",
    "1 && 0",
    "0 || 1",
    "NOT NULL",
    "NOT 0",
    "NOT 1 = 2",
    "!1 = 0",
    "1 XOR 1",
    "1 XOR 0",
    "NULL XOR 1",
    "1 IS NULL",
    "NULL IS NULL",
    "NULL IS NOT NULL",
    "0 IS FALSE",
    "2 IS TRUE",
    "NULL IS NOT TRUE",
    "'abc' LIKE 'a%'",
    "'ABC' LIKE 'a_c'",
    "'a%c' LIKE 'a\\%c'",
    "'abc' LIKE 'a\\%c'",
    "'中文测试' LIKE '%文测%'",
    "'abc' NOT LIKE '%d'",
    "'a_c' LIKE 'a|_c' ESCAPE '|'",
    "NULL LIKE 'a'",
    "2 IN (1,2,3)",
    "4 IN (1,2,3)",
    "4 IN (1,NULL)",
    "1 IN (1,NULL)",
    "NULL IN (1)",
    "'b' IN ('A','B')",
    "4 NOT IN (1,2)",
    "5 BETWEEN 1 AND 10",
    "5 NOT BETWEEN 6 AND 10",
    "'b' BETWEEN 'a' AND 'c'",
    "NULL BETWEEN 1 AND 2",
    "1 = 1 AND 2 = 2",
    "CURDATE() = '2023-11-15'",
    "NOW() > '2023-11-15'",
    "CURDATE() < NOW()",
    "CURDATE() = 20231115",
    // control flow and type merging
    "IF(1, 'a', 'b')",
    "IF(0, 1.5, 2)",
    "IF(NULL, 1, 2)",
    "IF('0.1', 'yes', 'no')",
    "IF('abc', 'yes', 'no')",
    "IF(1, 1, 'a')",
    "IF(0, 'a', 1.50)",
    "IF(1, NOW(), CURDATE())",
    "IF(0, NOW(), CURDATE())",
    "IF(1, CURDATE(), 1)",
    "IF(1, 2, 3.5e0)",
    "IFNULL(NULL, 2)",
    "IFNULL(1.5, 2)",
    "IFNULL(NULL, NULL)",
    "IFNULL(NULL, 'x')",
    "IFNULL(2, 1.25)",
    "NULLIF(2, 2)",
    "NULLIF(2, 2.5)",
    "NULLIF('a', 'A')",
    "COALESCE(NULL, 2, 1.55)",
    "COALESCE(NULL, NULL)",
    "COALESCE(NULL, 'x', 1)",
    "CASE WHEN 0 THEN 1.5 END",
    "CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END",
    "CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
    "CASE 'A' WHEN 'a' THEN 1 ELSE 0 END",
    "CASE NULL WHEN NULL THEN 1 ELSE 0 END",
    "CASE WHEN 1 THEN 2 ELSE 3.25 END",
    "CASE 3 WHEN 1 THEN 'x' END",
    "GREATEST(1, 2.5, 3)",
    "GREATEST('a', 'B')",
    "LEAST(1, 2.5)",
    "GREATEST(1, NULL)",
    "LEAST('b', 'A', 'c')",
    "ISNULL(NULL)",
    "ISNULL(0)",
    // strings, Chinese text included
    "CONCAT('a', 1, 1.50, NULL)",
    "CONCAT('a', 1, 1.50)",
    "CONCAT('订单', '-', 123)",
    "CONCAT(1/3)",
    "CONCAT(0.1e0)",
    "CONCAT(NOW())",
    "CONCAT(CURDATE(), 'T')",
    "CONCAT_WS('-', 'a', NULL, 'b')",
    "CONCAT_WS(NULL, 'a')",
    "CONCAT_WS(',', 1.5, 2)",
    "'a' 'b' 'c'",
    "TRIM('  a b  ')",
    "TRIM(LEADING 'x' FROM 'xxaxx')",
    "TRIM(TRAILING 'xy' FROM 'axyxy')",
    "TRIM(BOTH 'a' FROM 'aaa')",
    "TRIM('x' FROM 'xXx')",
    "TRIM('\\t a ')",
    "LTRIM('  中文  ')",
    "RTRIM('  中文  ')",
    "REPLACE('aAa', 'a', 'x')",
    "REPLACE('中文中文', '中', '英')",
    "REPLACE('abc', '', 'x')",
    "REPLACE(NULL, 'a', 'b')",
    "SUBSTRING('hello', 2)",
    "SUBSTRING('hello', -3)",
    "SUBSTRING('hello', -3, 2)",
    "SUBSTRING('hello', -10)",
    "SUBSTRING('hello', 0)",
    "SUBSTRING('hello', 10)",
    "SUBSTRING('hello', 2, -1)",
    "SUBSTRING('hello' FROM 2 FOR 3)",
    "SUBSTRING('😀中文abc', 2, 2)",
    "SUBSTR('中华人民共和国', -3)",
    "MID('abcdef', 3, 2)",
    "LEFT('中文abc', 2)",
    "LEFT('abc', 0)",
    "LEFT('abcdef', 2.5)",
    "LEFT('abcdef', '3.7')",
    "LEFT('abcdef', 2.5e0)",
    "LEFT('abcdef', 3.5e0)",
    "RIGHT('中文abc', 4)",
    "RIGHT('abc', 10)",
    "LOCATE('b', 'abcb')",
    "LOCATE('B', 'abc')",
    "LOCATE('b', 'abcb', 3)",
    "LOCATE('文', '中文中文', 3)",
    "LOCATE('x', 'abc')",
    "LOCATE('', 'abc')",
    "INSTR('abc', 'c')",
    "POSITION('c' IN 'abc')",
    "UPPER('abc中文')",
    "UPPER('ß')",
    "LOWER('ÀÉ')",
    "UCASE('x')",
    "LCASE('X')",
    "LENGTH('中文')",
    "LENGTH('😀中')",
    "LENGTH(12.50)",
    "CHAR_LENGTH('😀中')",
    "CHAR_LENGTH('')",
    "CHARACTER_LENGTH('中文abc')",
    "LPAD('abc', 5, '0')",
    "LPAD('abc', 2, 'x')",
    "LPAD('5', 3, '0')",
    "LPAD('中', 4, 'ab')",
    "LPAD('abc', 5, '')",
    "LPAD('abc', -1, 'x')",
    "RPAD('abc', 6, 'xy')",
    "RPAD('中文', 3, '-')",
    "RPAD('中文', 1, '-')",
    "REVERSE('中文abc')",
    "REPEAT('ab', 3)",
    "REPEAT('ab', 0)",
    "CONCAT('[', SPACE(3), ']')",
    "SUBSTRING_INDEX('a.b.c', '.', 2)",
    "SUBSTRING_INDEX('a.b.c', '.', -2)",
    "SUBSTRING_INDEX('a.b.c', '.', 0)",
    "SUBSTRING_INDEX('a.b.c', 'x', 1)",
    "FORMAT(1234567.891, 2)",
    "FORMAT(1234.5, 0)",
    "FORMAT(-1234.5678, 3)",
    "FORMAT(0.5, 0)",
    // numeric functions, rounding half cases
    "ROUND(2.5)",
    "ROUND(-2.5)",
    "ROUND(2.5e0)",
    "ROUND(3.5e0)",
    "ROUND(-0.5)",
    "ROUND(1.2345, 2)",
    "ROUND(1.2, 3)",
    "ROUND(123.456, -1)",
    "ROUND(125, -1)",
    "ROUND(-125, -1)",
    "ROUND(1, 2)",
    "ROUND(1.005, 2)",
    "ROUND(1.005e0, 2)",
    "ROUND(2.675e0, 2)",
    "ROUND('2.5')",
    "ROUND(NULL)",
    "ROUND(1/3, 6)",
    "TRUNCATE(1.999, 2)",
    "TRUNCATE(-1.999, 1)",
    "TRUNCATE(1999, -2)",
    "TRUNCATE(1.5e0, 0)",
    "FLOOR(1.5)",
    "FLOOR(-1.5)",
    "FLOOR(1.5e0)",
    "FLOOR('2.7')",
    "CEIL(1.2)",
    "CEIL(-1.2)",
    "CEILING(1)",
    "ABS(-5)",
    "ABS(-5.50)",
    "ABS('-3')",
    "MOD(10, 3)",
    "MOD(10.5, 3)",
    "MOD(-10, 3)",
    "SIGN(-3.5)",
    "SIGN(0)",
    "POW(2, 10)",
    "POWER(2, -1)",
    "SQRT(16)",
    "SQRT(-1)",
    // dates: fixed now, time zone +08:00
    "NOW()",
    "NOW(3)",
    "NOW(6)",
    "CURRENT_TIMESTAMP",
    "CURRENT_TIMESTAMP()",
    "LOCALTIME()",
    "CURDATE()",
    "CURRENT_DATE",
    "CURDATE() + 1",
    "NOW() + 0",
    "NOW(3) + 0",
    "UNIX_TIMESTAMP()",
    "UNIX_TIMESTAMP('2023-01-01 12:00:00')",
    "UNIX_TIMESTAMP('2023-01-01')",
    "UNIX_TIMESTAMP('2023-01-01 12:00:00.5')",
    "UNIX_TIMESTAMP(NOW())",
    "UNIX_TIMESTAMP('abc')",
    "UNIX_TIMESTAMP('1969-12-31')",
    "UNIX_TIMESTAMP(20231115)",
    "FROM_UNIXTIME(1700000000)",
    "FROM_UNIXTIME(1700000000.5)",
    "FROM_UNIXTIME('1700000000')",
    "FROM_UNIXTIME(-1)",
    "FROM_UNIXTIME(0)",
    "FROM_UNIXTIME(2147483648)",
    "FROM_UNIXTIME(1700000000, '%Y年%m月%d日')",
    "FROM_UNIXTIME(1700000000) + 0",
    "DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:%s')",
    "DATE_FORMAT(NOW(), '%W %M %D %j %U %u %V %v %X %x %a %b %c %e %f %h %I %i %k %l %p %r %S "
    "%s %T %w %y %%')",
    "DATE_FORMAT('2023-01-01', '%W %a %w %j %U %u %V %v %X %x')",
    "DATE_FORMAT('2024-12-30', '%U %u %V %v %X %x')",
    "DATE_FORMAT('2021-01-03', '%U %u %V %v %X %x')",
    "DATE_FORMAT('2023-01-01 13:05:09', '%h %I %l %p %r %k')",
    "DATE_FORMAT('2023-01-01 00:05:09', '%h %l %p %r')",
    "DATE_FORMAT('2023-11-03', '%D %e %c %b %M %y')",
    "DATE_FORMAT('2023-11-22', '%D')",
    "DATE_FORMAT('2023-11-11', '%D')",
    "DATE_FORMAT('2023-1-1 1:2:3.45', '%f %T')",
    "DATE_FORMAT('2023-02-30', '%Y')",
    "DATE_FORMAT('2023-00-00', '%Y')",
    "DATE_FORMAT('abc', '%Y')",
    "DATE_FORMAT(20231115, '%Y/%m/%d')",
    "DATE_FORMAT('20231115061320', '%T')",
    "DATE_FORMAT('23-11-15', '%Y')",
    "DATE_FORMAT('2023-01-01T10:05', '%T')",
    "DATE_FORMAT('2023/1/2 3:4:5', '%T %d')",
    "DATE_FORMAT('2023-01-01 10:00:00+08:00', '%T')",
    "DATE_FORMAT('2023-11-15', '%Q %%')",
    "DATE_FORMAT(NULL, '%Y')",
    "STR_TO_DATE('2023-11-15', '%Y-%m-%d')",
    "STR_TO_DATE('15/11/2023 8:05 PM', '%d/%m/%Y %h:%i %p')",
    "STR_TO_DATE('2023年11月15日', '%Y年%m月%d日')",
    "STR_TO_DATE('2023', '%Y')",
    "STR_TO_DATE('2023-02-30', '%Y-%m-%d')",
    "STR_TO_DATE('10:15', '%H:%i')",
    "STR_TO_DATE('abc', '%Y')",
    "STR_TO_DATE('Nov 5 2023', '%b %e %Y')",
    "STR_TO_DATE('20231115', '%Y%m%d')",
    "STR_TO_DATE('2023-11-15 06:13:20.25', '%Y-%m-%d %H:%i:%s.%f')",
    "DATE_ADD('2023-01-31', INTERVAL 1 MONTH)",
    "DATE_ADD('2024-02-29', INTERVAL 1 YEAR)",
    "DATE_ADD('2023-01-31 10:00:00', INTERVAL 1 DAY)",
    "DATE_ADD('2023-01-31', INTERVAL 1 HOUR)",
    "DATE_ADD(CURDATE(), INTERVAL 1 HOUR)",
    "DATE_ADD(NOW(), INTERVAL -7 DAY)",
    "DATE_SUB(NOW(), INTERVAL 1 WEEK)",
    "DATE_SUB('2023-03-31', INTERVAL 1 QUARTER)",
    "DATE_ADD('2023-01-01 10:00:00.5', INTERVAL 1 SECOND)",
    "DATE_ADD('2023-01-01', INTERVAL 1.5 DAY)",
    "DATE_ADD('2023-01-01', INTERVAL '1.5' DAY)",
    "DATE_ADD('2023-01-01', INTERVAL 1.5 SECOND)",
    "DATE_ADD('2023-01-01', INTERVAL '1:30' HOUR_MINUTE)",
    "DATE_ADD('2023-01-01', INTERVAL '1.5' SECOND_MICROSECOND)",
    "DATE_ADD('2023-01-01', INTERVAL '-1 2' DAY_HOUR)",
    "DATE_ADD('2023-01-01', INTERVAL '1-2' YEAR_MONTH)",
    "'2023-01-01' + INTERVAL 1 DAY",
    "INTERVAL 1 DAY + '2023-01-01'",
    "CURDATE() - INTERVAL 1 DAY",
    "DATE_ADD(NULL, INTERVAL 1 DAY)",
    "DATE_ADD('2023-13-01', INTERVAL 1 DAY)",
    "ADDDATE('2023-01-01', 10)",
    "SUBDATE('2023-01-01', INTERVAL 1 MONTH)",
    "DATEDIFF('2023-11-15', '2023-01-01')",
    "DATEDIFF('2023-01-01 23:59:59', '2023-01-02')",
    "DATEDIFF(NOW(), '2023-11-01')",
    "DATEDIFF('2023-00-00', '2023-01-01')",
    "TIMESTAMPDIFF(MONTH, '2023-01-31', '2023-02-28')",
    "TIMESTAMPDIFF(SECOND, '2023-01-01', '2023-01-02 00:00:01')",
    "TIMESTAMPDIFF(DAY, NOW(), '2023-12-25')",
    "TIMESTAMPDIFF(YEAR, '2000-02-29', '2023-02-28')",
    "TIMESTAMPDIFF(MONTH, '2023-03-31', '2023-01-31')",
    "DATE(NOW())",
    "DATE('2023-11-15 10:00:00')",
    "YEAR(NOW())",
    "MONTH('2023-11-15')",
    "DAY('2023-11-15')",
    "HOUR(NOW())",
    "MINUTE(NOW())",
    "SECOND(NOW())",
    "HOUR('10:05:03')",
    "DAYOFWEEK('2023-11-15')",
    "WEEKDAY('2023-11-15')",
    "DAYOFYEAR('2023-12-31')",
    "QUARTER('2023-11-15')",
    "LAST_DAY('2024-02-10')",
    "EXTRACT(YEAR_MONTH FROM '2023-11-15')",
    "EXTRACT(DAY FROM NOW())",
    "CAST('2023-01-01 10:00:00.56' AS DATETIME)",
    "CAST('2023-01-01 10:00:00.56' AS DATETIME(1))",
    "CAST('2023-11-15' AS DATE)",
    "CAST(20231115 AS DATE)",
    "DATE '2023-11-15' + INTERVAL 1 DAY",
    // casts
    "CAST('12.5' AS DECIMAL(10,2))",
    "CAST(12.555 AS DECIMAL(10,2))",
    "CAST(12345.678 AS DECIMAL(5,2))",
    "CAST('abc' AS SIGNED)",
    "CAST('3.7' AS SIGNED)",
    "CAST(3.7 AS SIGNED)",
    "CAST(-3.7 AS SIGNED)",
    "CAST(1.5e0 AS SIGNED)",
    "CAST(123 AS CHAR)",
    "CAST(1/3 AS CHAR)",
    "CAST('12.5' AS DOUBLE)",
    "CONVERT('5', SIGNED)",
    "CAST(NULL AS SIGNED)",
    // aggregates of a single value (arrays are compared below)
    "SUM(1)",
    "SUM(1.5)",
    "AVG(1)",
    "AVG(2.5)",
    "COUNT(1)",
    "COUNT(NULL)",
    "MIN(2)",
    "MAX('a')",
    "SUM(NULL)",
    // DOUBLE values with fixed decimals (ROUND of a DOUBLE)
    "ROUND(1.005e0,2)*1",
    "ROUND(1.005e0,2)+0.5e0",
    "ROUND(1.005e0,2)+1",
    "CONCAT(ROUND(1.005e0,2))",
    "-ROUND(1.005e0,2)",
    "ABS(ROUND(-1.5e0,1))",
    "IF(0, ROUND(1e0,2), 1)",
    "TRUNCATE(1.5e0, 2)",
    "ROUND(1e0, 40)",
    "ROUND(12345.5e0, -2)",
    "ROUND(1e0,2)/3",
    "ROUND(1e0,2) % 3",
    "ROUND(-0.001e0, 2)",
    "COALESCE(NULL, ROUND(1e0,3))",
    "ROUND(1e0, 30)",
    "ROUND(1.23456e0, 29)",
    "CAST(2.5e0 AS SIGNED)",
    "CAST(-2.5e0 AS SIGNED)",
    "CAST(2.5 AS SIGNED)",
    // more coercions, NULLs and edge cases
    "'abc' = 0",
    "'1abc' = 1",
    "'' = 0",
    "NULL IS UNKNOWN",
    "1 + '1' = 2",
    "0.1 + 0.2 = 0.3",
    "0.1e0 + 0.2e0 = 0.3",
    "'10' > 9",
    "'abc' > 'ABC'",
    "'a' < 'a '",
    "'中' > 'a'",
    "CONCAT('a', NULL) IS NULL",
    "LENGTH(NULL)",
    "LPAD(NULL, 2, 'x')",
    "INSTR('中文', '文')",
    "LOCATE('A', 'banana', 3)",
    "IFNULL('', 'x')",
    "COALESCE('', 'x')",
    "NULLIF('', '')",
    "IF('', 1, 2)",
    "CASE WHEN '' THEN 1 ELSE 2 END",
    "CASE WHEN 1 THEN 1 ELSE 'a' END",
    "IF(1, 1.50, 'x')",
    "COALESCE(1, 2.5)",
    "IFNULL(NULL, 3) + 0.5",
    "1 BETWEEN 2 AND NULL",
    "3 BETWEEN 2 AND NULL",
    "NOW() BETWEEN '2023-01-01' AND '2024-01-01'",
    "DATE_FORMAT(NOW(), '%Y') + 1",
    "YEAR(NOW()) - 1",
    "DATE_FORMAT(CURDATE(), '%d/%m/%Y')",
    "DATE_ADD(NOW(3), INTERVAL 1 DAY)",
    "DATE_ADD('2023-01-01 00:00:00', INTERVAL 1 MICROSECOND)",
    "TIMESTAMPADD(DAY, 1, '2023-01-01')",
    "TIMESTAMPADD(HOUR, 25, CURDATE())",
    "EXTRACT(HOUR FROM '2023-11-15 10:30:00')",
    "DATE('2023-11-15abc')",
    "LAST_DAY(NOW())",
    "MONTH(NULL)",
    "HOUR('100:00:00')",
    "MINUTE('10:05')",
    "FROM_UNIXTIME('1700000000.5')",
    "FROM_UNIXTIME(1700000000.5e0)",
    "FROM_UNIXTIME(1.7e9)",
    "SUBSTRING(12345, 2, 3)",
    "LEFT(123.456, 4)",
    "UPPER(NULL)",
    "CONCAT(TRUE, FALSE)",
    "REPLACE(1234, 2, 9)",
    "TRIM(BOTH FROM '  x  ')",
    "SUBSTRING_INDEX('www.mysql.com', '.', -1)",
    "FORMAT(1234567.891, 0)",
    "18446744073709551615",
    "9223372036854775807 + 1",
    "-9223372036854775807 - 2",
    "9223372036854775807 * 2",
    "1e308 * 10",
    "POW(10, 400)",
};

// Placeholders: Weft's value of the left side with the record below equals MariaDB's value
// of the right side, the platform's textual substitution.
const char *const kRecord = R"({
    "amount": "12.5", "qty": 3, "price": 19.9, "code": "00123", "name": "张三",
    "nul": null, "ts": 1700000000, "date": "2023-11-15 06:13:20", "spec": " 规格 A ",
    "items": [{"qty": 1, "price": 2.5}, {"qty": 2, "price": 3.25}, {"qty": 4, "price": 10}]
})";

const std::pair<const char *, const char *> kPlaceholders[] = {
    {"-1*'{amount}'", "-1*'12.5'"},
    {"-1*'{{amount}}'", "-1*'12.5'"},
    {"{amount}*2", "12.5*2"},
    {"{qty}*{price}", "3*19.9"},
    {"trim('{spec}')", "trim(' 规格 A ')"},
    {"{ts}*1000", "1700000000*1000"},
    {"{{ts}}*1000", "1700000000*1000"},
    {"CONCAT('{name}', '-', {qty})", "CONCAT('张三', '-', 3)"},
    {"{code}+0", "00123+0"},
    {"'{code}'", "'00123'"},
    {"FROM_UNIXTIME({ts})", "FROM_UNIXTIME(1700000000)"},
    {"DATE_FORMAT('{date}', '%Y%m%d')", "DATE_FORMAT('2023-11-15 06:13:20', '%Y%m%d')"},
    {"CONCAT('{nul}', 'x')", "CONCAT('', 'x')"},
    {"LENGTH('{name}')", "LENGTH('张三')"},
    {"{price} > 10", "19.9 > 10"},
    {"IF({qty} > 2, 'many', 'few')", "IF(3 > 2, 'many', 'few')"},
    {"ROUND({price} * 1.13, 2)", "ROUND(19.9 * 1.13, 2)"},
    {"{amount} / 4", "12.5 / 4"},
    {"{items.1.price}", "3.25"},
    {"SUM({items.qty})", "(SELECT SUM(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL "
                         "SELECT 4) t)"},
    {"SUM({items.price})", "(SELECT SUM(x) FROM (SELECT 2.5 AS x UNION ALL SELECT 3.25 "
                           "UNION ALL SELECT 10) t)"},
    {"AVG({items.qty})", "(SELECT AVG(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL "
                         "SELECT 4) t)"},
    {"AVG({items.price})", "(SELECT AVG(x) FROM (SELECT 2.5 AS x UNION ALL SELECT 3.25 "
                           "UNION ALL SELECT 10) t)"},
    {"MAX({items.price})", "(SELECT MAX(x) FROM (SELECT 2.5 AS x UNION ALL SELECT 3.25 "
                           "UNION ALL SELECT 10) t)"},
    {"MIN({items.qty})", "(SELECT MIN(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL "
                         "SELECT 4) t)"},
    {"COUNT({items.qty})", "(SELECT COUNT(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL "
                           "SELECT 4) t)"},
};

EvalContext fixedContext(const QJsonObject &record)
{
    EvalContext ctx(record);
    ctx.setNow(QDateTime::fromMSecsSinceEpoch(kNowMs, Qt::UTC));
    return ctx;
}

} // namespace

class TestExprMariaDb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void compare_data();
    void compare();
    void placeholders_data();
    void placeholders();
    void tableIsLargeEnough();

private:
    // MariaDB's text of `sql`, or a null QString for SQL NULL; *ok false on an SQL error.
    QString mariaDbText(const QString &sql, bool *isNull, QString *sqlError);
    void check(const QString &weftExpr, const QString &sqlExpr, const QJsonObject &record);

    QSqlDatabase m_db;
    bool m_open = false;
};

void TestExprMariaDb::initTestCase()
{
    if (!weft::test::mariaDbParams().isValid())
        return;
    m_db = weft::test::openMariaDb(QStringLiteral("tst_expr_mariadb"));
    m_open = m_db.isOpen();
    QVERIFY2(m_open, qPrintable(m_db.lastError().text()));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SET NAMES utf8mb4")));
    QVERIFY(q.exec(QStringLiteral("SET time_zone = '+08:00'")));
    QVERIFY(q.exec(QStringLiteral("SET timestamp = %1").arg(kNowMs / 1000.0, 0, 'f', 3)));
    QVERIFY(q.exec(QStringLiteral("SET div_precision_increment = 4")));
}

void TestExprMariaDb::cleanupTestCase()
{
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tst_expr_mariadb"));
}

QString TestExprMariaDb::mariaDbText(const QString &sql, bool *isNull, QString *sqlError)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT CAST((%1) AS CHAR)").arg(sql)) || !q.next()) {
        *sqlError = q.lastError().text();
        return {};
    }
    const QVariant v = q.value(0);
    *isNull = v.isNull();
    return v.toString();
}

void TestExprMariaDb::check(const QString &weftExpr, const QString &sqlExpr,
                            const QJsonObject &record)
{
    bool expectedNull = false;
    QString sqlError;
    const QString expected = mariaDbText(sqlExpr, &expectedNull, &sqlError);

    QList<ExprError> errors;
    const Expression e = Expression::compile(QStringLiteral("_function ") + weftExpr, &errors);
    const EvalContext ctx = fixedContext(record);
    QString actual;
    bool actualNull = false;
    ExprError error;
    const bool ok = e.isValid() && e.evaluateSqlText(ctx, &actual, &actualNull, &error);
    if (!sqlError.isEmpty()) {
        // MariaDB refuses it (e.g. an out-of-range result): Weft must fail too.
        QVERIFY2(!ok, qPrintable(QStringLiteral("MariaDB fails with %1 but Weft gives %2")
                                     .arg(sqlError, actualNull ? QStringLiteral("NULL") : actual)));
        return;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(formatError({}, {}, weftExpr, errors.value(0))));
    QVERIFY2(ok, qPrintable(formatError({}, {}, weftExpr, error)));
    const QString shownActual = actualNull ? QStringLiteral("NULL") : actual;
    const QString shownExpected = expectedNull ? QStringLiteral("NULL") : expected;
    QCOMPARE(shownActual, shownExpected);
}

void TestExprMariaDb::compare_data()
{
    QTest::addColumn<QString>("expr");
    for (const char *e : kExpressions)
        QTest::newRow(e) << QString::fromUtf8(e);
}

void TestExprMariaDb::compare()
{
    WEFT_REQUIRE_MARIADB();
    QVERIFY(m_open);
    QFETCH(QString, expr);
    check(expr, expr, {});
}

void TestExprMariaDb::placeholders_data()
{
    QTest::addColumn<QString>("weftExpr");
    QTest::addColumn<QString>("sqlExpr");
    for (const auto &[weftExpr, sqlExpr] : kPlaceholders)
        QTest::newRow(weftExpr) << QString::fromUtf8(weftExpr) << QString::fromUtf8(sqlExpr);
}

void TestExprMariaDb::placeholders()
{
    WEFT_REQUIRE_MARIADB();
    QVERIFY(m_open);
    QFETCH(QString, weftExpr);
    QFETCH(QString, sqlExpr);
    const QJsonObject record = QJsonDocument::fromJson(QByteArray(kRecord)).object();
    QVERIFY(!record.isEmpty());
    check(weftExpr, sqlExpr, record);
}

void TestExprMariaDb::tableIsLargeEnough()
{
    // Issue 4 asks for at least 150 expressions compared with the real server.
    QVERIFY(std::size(kExpressions) + std::size(kPlaceholders) >= 150);
}

QTEST_GUILESS_MAIN(TestExprMariaDb)
#include "tst_expr_mariadb.moc"
