#include "core/expr/sqlparser.h"

#include "core/expr/evaluator.h"
#include "core/expr/sqlgrammar.h"
#include "core/expr/sqllexer.h"

namespace weft::expr::detail {

namespace {

void finalize(Node *n, Program &prog, int depth)
{
    if (depth > kMaxTreeDepth + 1)
        return;
    bool usesList = false;
    for (Node *a : n->args) {
        finalize(a, prog, depth + 1);
        usesList = usesList || a->usesList;
    }
    auto noteField = [&](const FieldRef &f) {
        if (f.system != SystemVar::None)
            return;
        if (f.list)
            usesList = true;
        const QString name = (f.list ? QStringLiteral("list.") : QString()) + f.path.text;
        if (!prog.fields.contains(name))
            prog.fields.append(name);
    };
    if (n->field)
        noteField(*n->field);
    for (const TemplatePart &p : n->parts) {
        if (p.isField)
            noteField(p.field);
    }
    if (n->find) {
        for (const FindCondition &c : n->find->conditions) {
            for (const TemplatePart &p : c.value) {
                if (p.isField)
                    noteField(p.field);
            }
        }
    }
    n->usesList = usesList;
    if (usesList)
        prog.usesList = true;
    inferType(*n);
}

} // namespace

Node *parseFunction(Program &prog, int start)
{
    std::vector<Token> tokens;
    if (!tokenize(prog, start, tokens))
        return nullptr;
    if (tokens.size() == 1)
        return nullptr; // only the end: the caller reports the empty expression
    SqlGrammar parser(prog, std::move(tokens));
    Node *root = parser.parseAll();
    if (root)
        finalize(root, prog, 0);
    return root;
}

void finalizeTree(Node *root, Program &prog)
{
    if (root)
        finalize(root, prog, 0);
}

Node *parseFindClause(Program &prog, int start, int end, int nodePos)
{
    const QString &text = prog.text;
    qsizetype i = start;
    auto skipSpace = [&] {
        while (i < end && text[i].isSpace())
            ++i;
    };
    // A word ends at a space, outside braces and quotes.
    auto word = [&](int *wordPos) {
        skipSpace();
        *wordPos = int(i);
        const qsizetype from = i;
        int braces = 0;
        while (i < end) {
            const QChar c = text[i];
            if (c == QLatin1Char('{'))
                ++braces;
            else if (c == QLatin1Char('}'))
                braces = std::max(0, braces - 1);
            else if (braces == 0 && (c.isSpace() || c == QLatin1Char('=') || c == QLatin1Char(',')))
                break;
            ++i;
        }
        return QStringView(text).mid(from, i - from);
    };
    const QString usage = QStringLiteral("write _findCollection find <field> from <scheme> "
                                         "where a={{x}} b={{y}}");
    auto fail = [&](int pos, int len, const QString &message) -> Node * {
        prog.errors.append({message, pos, len, usage});
        return nullptr;
    };
    int pos = 0;
    if (word(&pos).compare(QLatin1String("find"), Qt::CaseInsensitive) != 0)
        return fail(pos, 1, QStringLiteral("expected find after _findCollection"));
    auto clause = std::make_unique<FindClause>();
    clause->field = word(&pos).toString();
    if (clause->field.isEmpty())
        return fail(pos, 1, QStringLiteral("expected the field to find"));
    if (word(&pos).compare(QLatin1String("from"), Qt::CaseInsensitive) != 0)
        return fail(pos, 1, QStringLiteral("expected from <scheme>"));
    clause->scheme = word(&pos).toString();
    clause->schemePos = pos;
    if (clause->scheme.isEmpty())
        return fail(pos, 1, QStringLiteral("expected the scheme to search"));
    skipSpace();
    if (i < end) {
        if (word(&pos).compare(QLatin1String("where"), Qt::CaseInsensitive) != 0)
            return fail(pos, 1, QStringLiteral("expected where"));
        while (true) {
            skipSpace();
            if (i >= end)
                break;
            if (text[i] == QLatin1Char(',')) {
                ++i;
                continue;
            }
            int namePos = 0;
            const QStringView name = word(&namePos);
            if (name.compare(QLatin1String("and"), Qt::CaseInsensitive) == 0)
                continue;
            skipSpace();
            if (name.isEmpty() || i >= end || text[i] != QLatin1Char('='))
                return fail(namePos, int(std::max<qsizetype>(name.size(), 1)),
                            QStringLiteral("expected field=value in the where part"));
            ++i;
            skipSpace();
            FindCondition cond;
            cond.field = name.toString();
            if (i < end && (text[i] == QLatin1Char('\'') || text[i] == QLatin1Char('"'))) {
                const QChar quote = text[i];
                const qsizetype close = text.indexOf(quote, i + 1);
                if (close < 0 || close >= end)
                    return fail(int(i), int(end - i), QStringLiteral("unclosed string"));
                cond.value = parseTemplate(QStringView(text).mid(i + 1, close - i - 1), int(i + 1),
                                           &prog.errors);
                i = close + 1;
            } else {
                int valuePos = 0;
                const QStringView value = word(&valuePos);
                if (value.isEmpty())
                    return fail(valuePos, 1, QStringLiteral("missing value after %1=").arg(name));
                cond.value = parseTemplate(value, valuePos, &prog.errors);
            }
            clause->conditions.append(cond);
        }
    }
    Node *n = prog.newNode(Op::Find, nodePos, end - nodePos);
    n->find = std::move(clause);
    return n;
}

} // namespace weft::expr::detail
