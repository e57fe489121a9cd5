#include "k3filter.h"

#include "mockclock.h"

#include <functional>
#include <limits>

namespace weft::mock {

struct K3Filter::Node
{
    enum class Kind { True, And, Or, Not, Compare, Like, In, IsNull };
    enum class Op { Eq, Ne, Gt, Lt, Ge, Le };
    Kind kind = Kind::True;
    Op op = Op::Eq;
    bool negate = false;
    int field = -1;
    K3Type type = K3Type::String;
    std::vector<QString> strings; // literals as written (string fields)
    std::vector<double> numbers;  // literals as numbers (numeric and date fields)
    QRegularExpression like;
    std::unique_ptr<Node> a;
    std::unique_ptr<Node> b;
};

namespace {

struct Token
{
    enum class Type { End, Ident, String, Number, Op, LParen, RParen, Comma };
    Type type = Type::End;
    QString text;
};

// SQL Server (K3Cloud's default database) compares case-insensitively and ignores trailing
// spaces: mimic both, or filters that work in production fail here.
int compareText(const QString &a, const QString &b)
{
    qsizetype la = a.size();
    while (la > 0 && a.at(la - 1) == u' ')
        --la;
    qsizetype lb = b.size();
    while (lb > 0 && b.at(lb - 1) == u' ')
        --lb;
    return QStringView(a).left(la).compare(QStringView(b).left(lb), Qt::CaseInsensitive);
}

class Parser
{
public:
    Parser(const QString &text, const K3Form &form, const MockClock &clock)
        : m_text(text)
        , m_form(form)
        , m_clock(clock)
    {
        advance();
    }

    std::unique_ptr<K3Filter::Node> parseAll()
    {
        if (m_tok.type == Token::Type::End)
            return std::make_unique<K3Filter::Node>();
        auto node = parseOr();
        if (node && m_tok.type != Token::Type::End)
            fail(QStringLiteral("unexpected '%1'").arg(m_tok.text));
        return m_error.isEmpty() ? std::move(node) : nullptr;
    }
    QString error() const { return m_error; }

private:
    using Node = K3Filter::Node;

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    bool keyword(const char *word) const
    {
        return m_tok.type == Token::Type::Ident &&
               m_tok.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }

    void advance()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        m_tok = Token{};
        if (m_pos >= m_text.size())
            return;
        const QChar c = m_text.at(m_pos);
        if (c == u'\'') {
            QString s;
            ++m_pos;
            for (;;) {
                if (m_pos >= m_text.size()) {
                    fail(QStringLiteral("unterminated string literal"));
                    return;
                }
                if (m_text.at(m_pos) == u'\'') {
                    if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\'') {
                        s += u'\'';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    break;
                }
                s += m_text.at(m_pos++);
            }
            m_tok = {Token::Type::String, s};
        } else if (c.isDigit() ||
                   (c == u'-' && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1).isDigit())) {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size() &&
                   (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
                ++m_pos;
            m_tok = {Token::Type::Number, m_text.mid(start, m_pos - start)};
        } else if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos++;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isLetterOrNumber() ||
                                             m_text.at(m_pos) == u'_' || m_text.at(m_pos) == u'.'))
                ++m_pos;
            m_tok = {Token::Type::Ident, m_text.mid(start, m_pos - start)};
        } else if (c == u'(' || c == u')' || c == u',') {
            ++m_pos;
            m_tok = {c == u'('   ? Token::Type::LParen
                     : c == u')' ? Token::Type::RParen
                                 : Token::Type::Comma,
                     QString(c)};
        } else {
            static const QStringList ops = {QStringLiteral("<>"), QStringLiteral("!="),
                                            QStringLiteral(">="), QStringLiteral("<="),
                                            QStringLiteral("="),  QStringLiteral(">"),
                                            QStringLiteral("<")};
            for (const QString &op : ops) {
                if (QStringView(m_text).mid(m_pos).startsWith(op)) {
                    m_pos += op.size();
                    m_tok = {Token::Type::Op, op};
                    return;
                }
            }
            fail(QStringLiteral("unexpected character '%1'").arg(c));
            m_pos = m_text.size();
        }
    }

    std::unique_ptr<Node> join(Node::Kind kind, std::unique_ptr<Node> a, std::unique_ptr<Node> b)
    {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->a = std::move(a);
        n->b = std::move(b);
        return n;
    }
    std::unique_ptr<Node> parseOr()
    {
        auto left = parseAnd();
        while (left && keyword("or")) {
            advance();
            left = join(Node::Kind::Or, std::move(left), parseAnd());
            if (!left->b)
                return nullptr;
        }
        return left;
    }
    std::unique_ptr<Node> parseAnd()
    {
        auto left = parseUnary();
        while (left && keyword("and")) {
            advance();
            left = join(Node::Kind::And, std::move(left), parseUnary());
            if (!left->b)
                return nullptr;
        }
        return left;
    }
    std::unique_ptr<Node> parseUnary()
    {
        if (keyword("not")) {
            advance();
            auto inner = parseUnary();
            return inner ? join(Node::Kind::Not, std::move(inner), nullptr) : nullptr;
        }
        if (m_tok.type == Token::Type::LParen) {
            advance();
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (m_tok.type != Token::Type::RParen) {
                fail(QStringLiteral("missing ')'"));
                return nullptr;
            }
            advance();
            return inner;
        }
        return parseCondition();
    }

    // Converts a literal for the field's type; false (and an error) when it can't be.
    bool literal(Node &n, const Token &t)
    {
        if (t.type != Token::Type::String && t.type != Token::Type::Number) {
            fail(QStringLiteral("expected a value after the operator, found '%1'").arg(t.text));
            return false;
        }
        n.strings.push_back(t.text);
        if (n.type == K3Type::String)
            return true;
        if (n.type == K3Type::DateTime) {
            const auto ms = m_clock.parse(t.text);
            if (!ms) {
                fail(QStringLiteral("'%1' is not a date for field %2")
                         .arg(t.text, m_form.fields.at(n.field).name));
                return false;
            }
            n.numbers.push_back(double(*ms));
            return true;
        }
        bool ok = false;
        const double v = t.text.trimmed().toDouble(&ok);
        if (!ok) {
            fail(QStringLiteral("cannot convert '%1' to a number for field %2")
                     .arg(t.text, m_form.fields.at(n.field).name));
            return false;
        }
        n.numbers.push_back(v);
        return true;
    }

    std::unique_ptr<Node> parseCondition()
    {
        if (m_tok.type != Token::Type::Ident) {
            fail(m_tok.type == Token::Type::End
                     ? QStringLiteral("the filter ends too early")
                     : QStringLiteral("expected a field name, found '%1'").arg(m_tok.text));
            return nullptr;
        }
        auto n = std::make_unique<Node>();
        n->field = m_form.fieldIndex(m_tok.text);
        if (n->field < 0) {
            fail(QStringLiteral("field '%1' does not exist in form %2")
                     .arg(m_tok.text, m_form.formId));
            return nullptr;
        }
        n->type = m_form.fields.at(n->field).type;
        advance();
        if (keyword("is")) {
            advance();
            n->kind = Node::Kind::IsNull;
            if (keyword("not")) {
                n->negate = true;
                advance();
            }
            if (!keyword("null")) {
                fail(QStringLiteral("expected NULL after IS"));
                return nullptr;
            }
            advance();
            return n;
        }
        if (keyword("not")) {
            n->negate = true;
            advance();
        }
        if (keyword("like")) {
            advance();
            n->kind = Node::Kind::Like;
            if (m_tok.type != Token::Type::String) {
                fail(QStringLiteral("LIKE needs a quoted pattern"));
                return nullptr;
            }
            QString re;
            for (const QChar ch : m_tok.text) {
                re += ch == u'%'   ? QStringLiteral(".*")
                      : ch == u'_' ? QStringLiteral(".")
                                   : QRegularExpression::escape(QString(ch));
            }
            n->like = QRegularExpression(QRegularExpression::anchoredPattern(re),
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::DotMatchesEverythingOption);
            advance();
            return n;
        }
        if (keyword("in")) {
            advance();
            n->kind = Node::Kind::In;
            if (m_tok.type != Token::Type::LParen) {
                fail(QStringLiteral("IN needs a list in parentheses"));
                return nullptr;
            }
            advance();
            for (;;) {
                if (!literal(*n, m_tok))
                    return nullptr;
                advance();
                if (m_tok.type == Token::Type::Comma) {
                    advance();
                    continue;
                }
                if (m_tok.type == Token::Type::RParen) {
                    advance();
                    return n;
                }
                fail(QStringLiteral("expected ',' or ')' in the IN list"));
                return nullptr;
            }
        }
        if (n->negate || m_tok.type != Token::Type::Op) {
            fail(QStringLiteral("expected an operator after %1")
                     .arg(m_form.fields.at(n->field).name));
            return nullptr;
        }
        n->kind = Node::Kind::Compare;
        const QString op = m_tok.text;
        n->op = op == u"="                     ? Node::Op::Eq
                : (op == u"<>" || op == u"!=") ? Node::Op::Ne
                : op == u">"                   ? Node::Op::Gt
                : op == u"<"                   ? Node::Op::Lt
                : op == u">="                  ? Node::Op::Ge
                                               : Node::Op::Le;
        advance();
        if (!literal(*n, m_tok))
            return nullptr;
        advance();
        return n;
    }

    const QString &m_text;
    const K3Form &m_form;
    const MockClock &m_clock;
    qsizetype m_pos = 0;
    Token m_tok;
    QString m_error;
};

bool isNull(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined();
}

// -1, 0, 1 comparing the row's value with literal k of the node.
int compareValue(const K3Filter::Node &n, const QJsonValue &v, qint64 timeMs, bool isTimeField,
                 size_t k, const MockClock &clock)
{
    switch (n.type) {
    case K3Type::String:
        return compareText(v.toString(), n.strings.at(k));
    case K3Type::DateTime: {
        const double t =
            isTimeField ? double(timeMs) : double(clock.parse(v.toString()).value_or(0));
        return t < n.numbers.at(k) ? -1 : t > n.numbers.at(k) ? 1 : 0;
    }
    case K3Type::Int:
    case K3Type::Decimal: {
        const double d = v.toDouble();
        return d < n.numbers.at(k) ? -1 : d > n.numbers.at(k) ? 1 : 0;
    }
    }
    return 0;
}

bool evaluate(const K3Filter::Node &n, const std::vector<QJsonValue> &row, qint64 timeMs,
              int timeField, const MockClock &clock)
{
    using Kind = K3Filter::Node::Kind;
    using Op = K3Filter::Node::Op;
    switch (n.kind) {
    case Kind::True:
        return true;
    case Kind::And:
        return evaluate(*n.a, row, timeMs, timeField, clock) &&
               evaluate(*n.b, row, timeMs, timeField, clock);
    case Kind::Or:
        return evaluate(*n.a, row, timeMs, timeField, clock) ||
               evaluate(*n.b, row, timeMs, timeField, clock);
    case Kind::Not:
        return !evaluate(*n.a, row, timeMs, timeField, clock);
    case Kind::IsNull: {
        const QJsonValue &v = row.at(size_t(n.field));
        const bool null = isNull(v) || (v.isString() && v.toString().isEmpty());
        return null != n.negate;
    }
    case Kind::Like:
        return n.like.match(row.at(size_t(n.field)).toString()).hasMatch() != n.negate;
    case Kind::In: {
        bool found = false;
        for (size_t k = 0; k < n.strings.size() && !found; ++k)
            found = compareValue(n, row.at(size_t(n.field)), timeMs, n.field == timeField, k,
                                 clock) == 0;
        return found != n.negate;
    }
    case Kind::Compare: {
        const int c =
            compareValue(n, row.at(size_t(n.field)), timeMs, n.field == timeField, 0, clock);
        switch (n.op) {
        case Op::Eq:
            return c == 0;
        case Op::Ne:
            return c != 0;
        case Op::Gt:
            return c > 0;
        case Op::Lt:
            return c < 0;
        case Op::Ge:
            return c >= 0;
        case Op::Le:
            return c <= 0;
        }
    }
    }
    return false;
}

void bounds(const K3Filter::Node &n, int timeField, qint64 *from, qint64 *to)
{
    using Kind = K3Filter::Node::Kind;
    using Op = K3Filter::Node::Op;
    if (n.kind == Kind::And) {
        bounds(*n.a, timeField, from, to);
        bounds(*n.b, timeField, from, to);
        return;
    }
    if (n.kind != Kind::Compare || n.field != timeField || n.numbers.empty())
        return;
    const qint64 v = qint64(n.numbers.front());
    switch (n.op) {
    case Op::Gt:
        *from = std::max(*from, v + 1);
        break;
    case Op::Ge:
        *from = std::max(*from, v);
        break;
    case Op::Lt:
        *to = std::min(*to, v - 1);
        break;
    case Op::Le:
        *to = std::min(*to, v);
        break;
    case Op::Eq:
        *from = std::max(*from, v);
        *to = std::min(*to, v);
        break;
    case Op::Ne:
        break;
    }
}

} // namespace

K3Filter::K3Filter() = default;
K3Filter::~K3Filter() = default;
K3Filter::K3Filter(K3Filter &&) noexcept = default;
K3Filter &K3Filter::operator=(K3Filter &&) noexcept = default;

std::optional<K3Filter> K3Filter::parse(const QString &text, const K3Form &form,
                                        const MockClock &clock, QString *error)
{
    Parser parser(text, form, clock);
    auto root = parser.parseAll();
    if (!root) {
        *error = parser.error();
        return std::nullopt;
    }
    K3Filter f;
    f.m_root = std::move(root);
    f.m_form = &form;
    f.m_clock = &clock;
    return f;
}

bool K3Filter::matches(const std::vector<QJsonValue> &row, qint64 timeMs) const
{
    return evaluate(*m_root, row, timeMs, m_form->timeField, *m_clock);
}

bool K3Filter::uses(int field) const
{
    const std::function<bool(const Node *)> walk = [&](const Node *n) {
        return n && (n->field == field || walk(n->a.get()) || walk(n->b.get()));
    };
    return walk(m_root.get());
}

void K3Filter::timeBounds(qint64 *fromMs, qint64 *toMs) const
{
    *fromMs = std::numeric_limits<qint64>::min();
    *toMs = std::numeric_limits<qint64>::max();
    if (m_form->timeField >= 0)
        bounds(*m_root, m_form->timeField, fromMs, toMs);
}

} // namespace weft::mock
