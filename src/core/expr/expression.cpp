#include "core/expr/expression.h"

#include "core/expr/ast.h"
#include "core/expr/evaluator.h"
#include "core/expr/functions.h"
#include "core/expr/sqlparser.h"
#include "core/expr/valuemaps.h"
#include "core/util/textdistance.h"

#include <QJsonDocument>

namespace weft::expr {

using namespace detail;

namespace {

// `prefix` at text[at], followed by a space or the end.
bool startsWithKeyword(const QString &text, qsizetype at, QLatin1String prefix)
{
    if (!QStringView(text).mid(at).startsWith(prefix, Qt::CaseInsensitive))
        return false;
    const qsizetype after = at + prefix.size();
    return after == text.size() || text[after].isSpace();
}

void forEachFieldRef(const Program &prog, const std::function<void(const FieldRef &)> &fn)
{
    for (const TemplatePart &p : prog.parts) {
        if (p.isField)
            fn(p.field);
    }
    for (const auto &node : prog.nodes) {
        if (node->field)
            fn(*node->field);
        for (const TemplatePart &p : node->parts) {
            if (p.isField)
                fn(p.field);
        }
        if (node->find) {
            for (const FindCondition &c : node->find->conditions) {
                for (const TemplatePart &p : c.value) {
                    if (p.isField)
                        fn(p.field);
                }
            }
        }
    }
}

void noteTemplateFields(Program &prog)
{
    for (const TemplatePart &p : prog.parts) {
        if (!p.isField || p.field.system != SystemVar::None)
            continue;
        if (p.field.list)
            prog.usesList = true;
        const QString name =
            (p.field.list ? QStringLiteral("list.") : QString()) + p.field.path.text;
        if (!prog.fields.contains(name))
            prog.fields.append(name);
    }
}

QString suggestionFor(const QString &word, const QStringList &candidates, const QString &fallback)
{
    const QString nearest = nearestName(word, candidates);
    return nearest.isEmpty() || nearest == word ? fallback
                                                : QStringLiteral("did you mean %1?").arg(nearest);
}

void checkNames(Program &prog, const CompileOptions &options)
{
    if (options.knownFields) {
        const QStringList &known = *options.knownFields;
        forEachFieldRef(prog, [&](const FieldRef &ref) {
            const QString name = ref.fieldName();
            if (name.isEmpty() || known.contains(name) || known.contains(ref.path.text))
                return;
            prog.errors.append({QStringLiteral("unknown field %1").arg(name), ref.position,
                                ref.length,
                                suggestionFor(name, known,
                                              QStringLiteral("the source has no field of that "
                                                             "name"))});
        });
    }
    for (const auto &node : prog.nodes) {
        if (node->find && options.knownSchemes &&
            !options.knownSchemes->contains(node->find->scheme)) {
            prog.errors.append({QStringLiteral("unknown scheme %1").arg(node->find->scheme),
                                node->find->schemePos, int(node->find->scheme.size()),
                                suggestionFor(node->find->scheme, *options.knownSchemes,
                                              QStringLiteral("lookups read another scheme of "
                                                             "this project"))});
        }
        if (node->op == Op::Call && options.knownValueMaps && !node->args.empty() &&
            QLatin1String(functionAt(node->fn).name) == QLatin1String("MAP") &&
            node->args[0]->op == Op::Literal) {
            const QString name = toText(node->args[0]->literal);
            if (!options.knownValueMaps->contains(name))
                prog.errors.append({QStringLiteral("unknown value map '%1'").arg(name),
                                    node->args[0]->pos, node->args[0]->len,
                                    suggestionFor(name, *options.knownValueMaps,
                                                  QStringLiteral("define it in the project's "
                                                                 "value maps"))});
        }
    }
    if (prog.kind == Program::Kind::Map && options.knownValueMaps &&
        !options.knownValueMaps->contains(prog.mapName)) {
        const int pos = int(prog.text.indexOf(prog.mapName));
        prog.errors.append({QStringLiteral("unknown value map '%1'").arg(prog.mapName), pos,
                            int(prog.mapName.size()),
                            suggestionFor(prog.mapName, *options.knownValueMaps,
                                          QStringLiteral("define it in the project's value "
                                                         "maps"))});
    }
}

void compileFunction(Program &prog, qsizetype start)
{
    prog.kind = Program::Kind::Function;
    const int errorsBefore = int(prog.errors.size());
    prog.root = parseFunction(prog, int(start + 9));
    if (!prog.root && prog.errors.size() == errorsBefore)
        prog.errors.append({QStringLiteral("empty expression after _function"), int(start), 9,
                            QStringLiteral("write an expression, e.g. _function "
                                           "CONCAT({a}, '-', {b})")});
}

void compileLookup(Program &prog, qsizetype start)
{
    prog.kind = Program::Kind::Find;
    qsizetype end = prog.text.size();
    // A trailing _endFind is allowed at top level too (copied from inside a _function).
    const QString trimmed = prog.text.trimmed();
    if (trimmed.endsWith(QLatin1String("_endFind"), Qt::CaseInsensitive))
        end = prog.text.lastIndexOf(QLatin1String("_endFind"), -1, Qt::CaseInsensitive);
    prog.root = parseFindClause(prog, int(start + 15), int(end), int(start));
    finalizeTree(prog.root, prog);
}

void compileMap(Program &prog, qsizetype start)
{
    prog.kind = Program::Kind::Map;
    const QString &text = prog.text;
    qsizetype i = start + 4;
    while (i < text.size() && text[i].isSpace())
        ++i;
    const qsizetype nameStart = i;
    while (i < text.size() && !text[i].isSpace())
        ++i;
    prog.mapName = text.mid(nameStart, i - nameStart);
    while (i < text.size() && text[i].isSpace())
        ++i;
    if (prog.mapName.isEmpty() || i >= text.size()) {
        prog.errors.append({QStringLiteral("_map needs a map name and a value"), int(start),
                            int(text.size() - start),
                            QStringLiteral("write _map <map name> {{field}}")});
        return;
    }
    prog.parts = parseTemplate(QStringView(text).mid(i), int(i), &prog.errors);
    noteTemplateFields(prog);
}

std::optional<QJsonValue> evaluateMap(const Program &prog, const EvalContext &ctx, ExprError *error)
{
    auto code = evaluateTemplate(prog.parts, ctx, error);
    if (!code)
        return std::nullopt;
    const ValueMaps *maps = ctx.valueMaps();
    if (!maps || !maps->contains(prog.mapName)) {
        const QStringList names = maps ? maps->names() : QStringList();
        if (error)
            *error = {QStringLiteral("unknown value map '%1'").arg(prog.mapName),
                      int(prog.text.indexOf(prog.mapName)), int(prog.mapName.size()),
                      suggestionFor(prog.mapName, names,
                                    QStringLiteral("define it in the project's value maps"))};
        return std::nullopt;
    }
    if (code->isNull())
        return QJsonValue(QJsonValue::Null);
    const QJsonValue v = maps->value(prog.mapName, jsonToText(*code));
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

} // namespace

Expression::Expression() = default;

Expression Expression::compile(const QString &text, QList<ExprError> *errors,
                               const CompileOptions &options)
{
    auto prog = std::make_shared<Program>();
    prog->text = text;
    qsizetype start = 0;
    while (start < text.size() && text[start].isSpace())
        ++start;
    if (startsWithKeyword(text, start, QLatin1String("_function"))) {
        compileFunction(*prog, start);
    } else if (startsWithKeyword(text, start, QLatin1String("_findCollection"))) {
        compileLookup(*prog, start);
    } else if (startsWithKeyword(text, start, QLatin1String("_map"))) {
        compileMap(*prog, start);
    } else {
        prog->parts = parseTemplate(text, 0, &prog->errors);
        bool anyField = false;
        for (const TemplatePart &p : prog->parts)
            anyField = anyField || p.isField;
        if (anyField || !prog->errors.isEmpty()) {
            prog->kind = Program::Kind::Template;
            noteTemplateFields(*prog);
        } else {
            prog->kind = Program::Kind::Literal;
            prog->literal = QJsonValue(text);
            prog->parts.clear();
        }
    }
    if (prog->errors.isEmpty())
        checkNames(*prog, options);
    if (errors)
        *errors += prog->errors;
    Expression e;
    e.m_program = std::move(prog);
    return e;
}

Expression Expression::constant(const QJsonValue &value)
{
    auto prog = std::make_shared<Program>();
    prog->kind = Program::Kind::Literal;
    prog->literal = value;
    prog->text = jsonToText(value);
    Expression e;
    e.m_program = std::move(prog);
    return e;
}

bool Expression::isValid() const
{
    return m_program && m_program->errors.isEmpty();
}

Expression::Kind Expression::kind() const
{
    if (!m_program)
        return Kind::Empty;
    switch (m_program->kind) {
    case Program::Kind::Literal:
        return Kind::Literal;
    case Program::Kind::Template:
        return Kind::Template;
    case Program::Kind::Function:
        return Kind::Function;
    case Program::Kind::Find:
        return Kind::Lookup;
    case Program::Kind::Map:
        return Kind::Map;
    }
    return Kind::Empty;
}

QString Expression::text() const
{
    return m_program ? m_program->text : QString();
}

QList<ExprError> Expression::errors() const
{
    return m_program ? m_program->errors : QList<ExprError>();
}

QJsonValue Expression::evaluate(const EvalContext &ctx, ExprError *error) const
{
    const QJsonValue undefined(QJsonValue::Undefined);
    if (!m_program) {
        if (error)
            *error = {QStringLiteral("empty expression"), -1, 0, {}};
        return undefined;
    }
    const Program &prog = *m_program;
    if (!prog.errors.isEmpty()) {
        if (error)
            *error = prog.errors.first();
        return undefined;
    }
    switch (prog.kind) {
    case Program::Kind::Literal:
        return prog.literal;
    case Program::Kind::Template: {
        auto v = evaluateTemplate(prog.parts, ctx, error);
        return v ? *v : undefined;
    }
    case Program::Kind::Function: {
        Evaluator ev(ctx);
        Value v;
        if (!ev.eval(*prog.root, v)) {
            if (error)
                *error = ev.error;
            return undefined;
        }
        return toJson(v);
    }
    case Program::Kind::Find: {
        auto v = evaluateFind(*prog.root, ctx, error);
        if (!v)
            return undefined;
        return v->isUndefined() ? QJsonValue(QJsonValue::Null) : *v;
    }
    case Program::Kind::Map: {
        auto v = evaluateMap(prog, ctx, error);
        return v ? *v : undefined;
    }
    }
    return undefined;
}

bool Expression::evaluateSqlText(const EvalContext &ctx, QString *text, bool *isNull,
                                 ExprError *error) const
{
    if (m_program && m_program->errors.isEmpty() && m_program->kind == Program::Kind::Function) {
        Evaluator ev(ctx);
        Value v;
        if (!ev.eval(*m_program->root, v)) {
            if (error)
                *error = ev.error;
            return false;
        }
        *isNull = v.isNull();
        *text = v.isNull() ? QString() : toText(v);
        return true;
    }
    const QJsonValue v = evaluate(ctx, error);
    if (v.isUndefined())
        return false;
    *isNull = v.isNull();
    *text = jsonToText(v);
    return true;
}

QStringList Expression::referencedFields() const
{
    return m_program ? m_program->fields : QStringList();
}

bool Expression::usesListRows() const
{
    return m_program && m_program->usesList;
}

bool Expression::usesLookups() const
{
    if (!m_program)
        return false;
    if (m_program->kind == Program::Kind::Find)
        return true;
    for (const auto &node : m_program->nodes) {
        if (node->find)
            return true;
    }
    return false;
}

QString Expression::plainField() const
{
    if (!m_program || !m_program->errors.isEmpty() || m_program->kind != Program::Kind::Template ||
        m_program->parts.size() != 1)
        return {};
    const TemplatePart &part = m_program->parts.first();
    if (!part.isField || part.field.list || part.field.system != SystemVar::None ||
        !part.field.filters.isEmpty() || part.field.path.segments.size() != 1)
        return {};
    return part.field.path.segments.first().key;
}

bool Expression::isConstant() const
{
    return m_program && m_program->kind == Program::Kind::Literal;
}

QList<FunctionHelp> functionLibrary()
{
    QList<FunctionHelp> out;
    const QStringList names = functionNames();
    out.reserve(names.size());
    for (int i = 0; i < int(names.size()); ++i)
        out.append({names[i], QString::fromUtf8(functionAt(i).signature)});
    return out;
}

QStringList templateFilters()
{
    return filterNames();
}

QStringList systemVariables()
{
    return systemVariableNames();
}

} // namespace weft::expr
