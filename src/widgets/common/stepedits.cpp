#include "widgets/common/stepedits.h"

#include "core/model/stepjson.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"

#include <QUndoStack>

namespace weft {

std::optional<Step> findStep(const ProjectDocument *doc, const QString &scheme,
                             const QString &stepId, bool *connected)
{
    const Scheme *s = doc->project().scheme(scheme);
    if (!s)
        return std::nullopt;
    if (const Step *step = s->step(stepId)) {
        if (connected)
            *connected = true;
        return *step;
    }
    const QJsonObject entry = doc->schemeLayout(scheme).value(stepId).toObject();
    if (!entry.contains(QLatin1String("detached")))
        return std::nullopt;
    if (connected)
        *connected = false;
    return stepFromJson(stepId, entry.value(QLatin1String("detached")).toObject());
}

bool pushStepEdit(ProjectDocument *doc, const QString &scheme, const QString &stepId,
                  const QString &text, const std::function<void(Step &)> &edit,
                  const QString &mergeKey)
{
    bool connected = false;
    const std::optional<Step> step = findStep(doc, scheme, stepId, &connected);
    if (!step)
        return false;
    if (connected) {
        return pushSchemeEdit(
            doc, scheme, text,
            [&](Scheme &s) {
                for (Step &st : s.steps) {
                    if (st.id == stepId)
                        edit(st);
                }
            },
            mergeKey);
    }
    Step changed = *step;
    edit(changed);
    if (changed == *step)
        return true;
    QJsonObject layout = doc->schemeLayout(scheme);
    QJsonObject entry = layout.value(stepId).toObject();
    entry.insert(QStringLiteral("detached"), stepToJson(changed));
    layout.insert(stepId, entry);
    doc->undoStack()->push(new EditLayoutCommand(doc, {{scheme, layout}}, text));
    return true;
}

} // namespace weft
