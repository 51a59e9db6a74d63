"""The one table of record and field labels, in Chinese and English.

Dialogs, import messages, the CLI, the sync page and the audit trail all name a field with
:func:`field_label` (and a kind of record with :func:`table_label`), so a field reads the same
everywhere and never as its key (``id_number``).
"""

from __future__ import annotations

from typing import Final

from mzdesk.core.i18n import current_language

TABLES: Final[dict[str, tuple[str, str]]] = {
    "institutions": ("机构", "institution"),
    "users": ("用户", "user"),
    "buildings": ("楼栋", "building"),
    "floors": ("楼层", "floor"),
    "rooms": ("房间", "room"),
    "beds": ("床位", "bed"),
    "bed_history": ("床位变更", "bed change"),
    "residents": ("住户", "resident"),
    "resident_contacts": ("联系人", "contact"),
    "resident_leaves": ("外出登记", "leave"),
    "bed_stays": ("住床记录", "bed stay"),
    "assessments": ("能力评估", "ability assessment"),
    "care_workers": ("护理员", "care worker"),
    "worker_certificates": ("证书", "certificate"),
    "training_sessions": ("培训", "training session"),
    "training_attendance": ("参训记录", "attendance"),
    "training_requirements": ("培训要求", "training requirement"),
    "training_certificates": ("培训合格证书", "training certificate"),
    "signing_keys": ("证书签名密钥", "certificate signing key"),
    "inspections": ("安全检查", "safety inspection"),
    "inspection_results": ("检查结果", "inspection result"),
    "hazards": ("隐患", "hazard"),
    "attachments": ("附件", "attachment"),
    "inspection_signatures": ("检查签名", "inspection signature"),
    "hazard_events": ("隐患处理记录", "hazard history"),
    "hazard_follow_ups": ("隐患复查", "hazard follow-up"),
    "hazard_settings": ("隐患整改期限设置", "hazard deadline settings"),
    "checklist_templates": ("检查表", "checklist"),
    "checklist_items": ("检查项", "checklist item"),
    "home_checklists": ("本院检查表", "home checklist"),
    "home_checklist_items": ("本院检查项", "home checklist item"),
    "inspection_schedules": ("检查计划", "inspection schedule"),
    "inspection_amendments": ("检查更正", "inspection amendment"),
    "sample_draws": ("双随机抽取", "random draw"),
    "file_transfers": ("文件传输", "file transfer"),
    "_conflicts": ("冲突处理", "conflict resolution"),  # how conflict records travel in the feed
}

FIELDS: Final[dict[str, tuple[str, str]]] = {
    "name": ("名称", "name"),
    "id_number": ("身份证号", "ID number"),
    "gender": ("性别", "gender"),
    "birth_date": ("出生日期", "date of birth"),
    "ethnicity": ("民族", "ethnicity"),
    "household_address": ("户籍地址", "registered address"),
    "phone": ("联系电话", "phone"),
    "marital_status": ("婚姻状况", "marital status"),
    "living_situation": ("居住情况", "living situation"),
    "education": ("文化程度", "education"),
    "payment_method": ("医疗费用支付方式", "medical payment"),
    "income_source": ("经济来源", "income source"),
    "support_type": ("供养类型", "support type"),
    "diagnoses": ("疾病诊断", "diagnoses"),
    "cognitive_disorder": ("认知障碍", "cognitive disorder"),
    "contract_number": ("合同编号", "contract number"),
    "care_level": ("护理等级", "care level"),
    "ability_level": ("能力等级", "ability level"),
    "child_category": ("儿童类别", "child category"),
    "guardianship_type": ("监护类型", "guardianship"),
    "intake_documents": ("入院材料", "intake documents"),
    "schooling": ("就学情况", "schooling"),
    "disability_type": ("残疾类别", "disability type"),
    "disability_level": ("残疾等级", "disability level"),
    "status": ("状态", "status"),
    "admission_date": ("入住日期", "admission date"),
    "bed_id": ("床位", "bed"),
    "discharge_date": ("退住日期", "discharge date"),
    "discharge_reason": ("退住原因", "discharge reason"),
    "discharge_note": ("退住说明", "discharge note"),
    "note": ("备注", "note"),
    "relationship": ("关系", "relationship"),
    "address": ("地址", "address"),
    "is_guardian": ("监护人", "guardian"),
    "is_emergency": ("紧急联系人", "emergency contact"),
    "number": ("编号", "number"),
    "bed_type": ("床位类型", "bed type"),
    "in_service_since": ("启用日期", "in service since"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "return_date": ("返回日期", "return date"),
    "expected_return": ("预计返回日期", "expected return"),
    "destination": ("去向", "destination"),
    "reason": ("原因", "reason"),
    "description": ("描述", "description"),
    "deadline": ("整改期限", "deadline"),
    "level": ("级别", "level"),
    "assessor": ("评估员", "assessor"),
    "assessed_on": ("评估日期", "assessment date"),
    "transfer_date": ("换床日期", "transfer date"),
    "last_return": ("上次外出的返回日期", "the last leave's return date"),
    "correction_reason": ("更正原因", "reason for the correction"),
    "username": ("用户名", "username"),
    "display_name": ("姓名", "full name"),
    "password": ("密码", "password"),
    "password_hash": ("密码", "password"),
    "role": ("角色", "role"),
    "active": ("启用", "active"),
    "region_code": ("行政区划代码", "region code"),
    "uscc": ("统一社会信用代码", "unified social credit code"),
    "kind": ("类型", "kind"),
    "building": ("楼栋", "building"),
    "floor": ("楼层", "floor"),
    "last_floor": ("结束楼层", "last floor"),
    "room": ("房间", "room"),
    "rooms": ("房间号", "room numbers"),
    "beds_per_room": ("每间床位数", "beds per room"),
    "date": ("日期", "date"),
    "topic": ("主题", "topic"),
    "hours": ("学时", "hours"),
    "server": ("服务器地址", "server address"),
    "code": ("注册码", "enrolment code"),
    "password_again": ("再次输入密码", "password again"),
    "deleted_at": ("删除时间", "deleted"),
    "created_at": ("创建时间", "created"),
    # links to other records (shown where a change moved a row, e.g. a room to a floor)
    "building_id": ("楼栋", "building"),
    "floor_id": ("楼层", "floor"),
    "room_id": ("房间", "room"),
    "resident_id": ("住户", "resident"),
    "worker_id": ("护理员", "care worker"),
    "session_id": ("培训", "training session"),
    "inspection_id": ("检查", "inspection"),
    "template_id": ("检查表", "checklist"),
    "item_id": ("检查项", "checklist item"),
    "result_id": ("检查结果", "inspection result"),
    "sort_order": ("排列顺序", "order"),
    # institutions
    "positioning": ("机构定位", "positioning"),
    "operation": ("运营方式", "operated by"),
    "grade": ("等级", "grade"),
    "medical_integration": ("医养结合", "medical integration"),
    "legal_representative": ("法定代表人", "legal representative"),
    "fire_safety_officer": ("消防安全责任人", "fire safety officer"),
    "home_care_beds": ("家庭养老床位", "home care beds"),
    "care_levels": ("护理等级对照", "care levels"),
    # beds and children
    "effective_on": ("生效日期", "effective on"),
    "in_service": ("在用", "in service"),
    "child_stage": ("儿童阶段", "child's stage"),
    # care workers and training
    "occupation": ("岗位", "occupation"),
    "skill_level": ("技能等级", "skill level"),
    "hired_on": ("入职日期", "hired on"),
    "left_on": ("离职日期", "left on"),
    "category": ("类别", "category"),
    "certificate_number": ("证书编号", "certificate number"),
    "issuer": ("发证机关", "issued by"),
    "issued_on": ("发证日期", "issued on"),
    "expires_on": ("有效期至", "valid until"),
    "trainer": ("培训讲师", "trainer"),
    "place": ("地点", "place"),
    "hours_credited": ("计入学时", "hours credited"),
    "verification_code": ("验证码", "verification code"),
    "topic_contains": ("主题包含", "topic contains"),
    "interval_months": ("间隔月数", "every (months)"),
    "hours_per_year": ("每年学时", "hours per year"),
    "before_start": ("上岗前完成", "before starting work"),
    "attendance_id": ("参训记录", "attendance"),
    "serial": ("证书编号", "certificate number"),
    "key_id": ("签名密钥", "signing key"),
    "payload": ("防伪码内容", "signed code"),
    "revoked_at": ("作废时间", "revoked at"),
    "revoked_reason": ("作废原因", "reason revoked"),
    "device_id": ("设备", "device"),
    "public_key": ("公钥", "public key"),
    "certificate_full_id": ("证书显示完整身份证号", "full ID number on certificates"),
    "certificate_total_hours": ("证书显示累计学时", "cumulative hours on certificates"),
    "certificate_issuer": ("证书颁发单位", "certificate issuer"),
    # inspections and hazards
    "inspection_type": ("检查类型", "inspection type"),
    "inspected_on": ("检查日期", "inspected on"),
    "inspectors": ("检查人员", "inspectors"),
    "completed_at": ("完成时间", "completed at"),
    "summary": ("检查结论", "summary"),
    "result": ("结果", "result"),
    "photos": ("照片", "photos"),
    "found_on": ("发现日期", "found on"),
    "responsible_person": ("整改责任人", "responsible person"),
    "measure": ("整改措施", "measure"),
    "rectified_on": ("整改完成日期", "rectified on"),
    "rechecked_by": ("复查人", "re-checked by"),
    "rechecked_on": ("复查日期", "re-checked on"),
    # attachments (photos, signatures) and signers
    "sha256": ("文件指纹", "file fingerprint"),
    "size": ("文件大小", "file size"),
    "media_type": ("文件类型", "file type"),
    "owner_table": ("所属记录类别", "record kind"),
    "owner_id": ("所属记录", "record"),
    "caption": ("说明", "caption"),
    "signed_at": ("签名时间", "signed at"),
    "file": ("文件", "file"),
    # checklist templates (issue 12, part A): the file's fields and a home's versions
    "version": ("版本", "version"),
    "title": ("名称", "title"),
    "standard": ("标准", "standard"),
    "basis": ("依据", "basis"),
    "applies_to": ("适用机构类型", "applies to"),
    "rectify_days": ("默认整改天数", "default days to rectify"),
    "items": ("检查项", "items"),
    "section": ("类别", "section"),
    "text": ("检查内容", "what to check"),
    "clause": ("条款", "clause"),
    "clause_unverified": ("条款未核实", "clause unverified"),
    "severity": ("严重程度", "severity"),
    "major_hazard": ("重大隐患", "major hazard"),
    "look_at": ("检查方法", "what to look at"),
    "source_id": ("复制自", "copied from"),
    "published_at": ("发布时间", "published at"),
    "retired": ("已停用", "withdrawn"),
    # hazards until closed (issue 12, part D)
    "original_deadline": ("原整改期限", "original deadline"),
    "closed_on": ("销号日期", "closed on"),
    "happened_on": ("日期", "date"),
    "done_by": ("经办人", "done by"),
    "approved_by": ("批准人", "approved by"),
    "old_deadline": ("原整改期限", "previous deadline"),
    "new_deadline": ("新整改期限", "new deadline"),
    "follow_up_id": ("复查记录", "follow-up"),
    "hazard_id": ("隐患", "hazard"),
    "checked_on": ("复查日期", "re-checked on"),
    "checked_by": ("复查人", "re-checked by"),
    "ordinary_days": ("一般隐患整改天数", "days to rectify an ordinary hazard"),
    "major_days": ("重大隐患整改天数", "days to rectify a major hazard"),
    "evidence": ("整改照片", "evidence photos"),
    "rechecks": ("复查结果", "re-check results"),
    # inspecting: schedules, signatures, amendments (issue 12, part C)
    "schedule_id": ("检查计划", "inspection schedule"),
    "frequency": ("频次", "frequency"),
    "starts_on": ("开始日期", "starts on"),
    "amended_by": ("更正人", "amended by"),
    "amended_at": ("更正时间", "amended at"),
    "changes": ("更正内容", "changes"),
    # 双随机 draws (services/sampling.py)
    "institutions": ("抽取机构数", "institutions to draw"),
    "seed": ("随机种子", "seed"),
    "draw": ("双随机抽取", "random draw"),
    "draw_date": ("抽取日期", "draw date"),
}

# Where the same key means something more specific in one kind of record.
TABLE_FIELDS: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("residents", "name"): ("姓名", "name"),
    ("attachments", "kind"): ("附件类别", "attachment kind"),
    ("inspection_signatures", "role"): ("签名人身份", "signer's role"),
    ("inspection_signatures", "name"): ("签名人", "signer"),
    ("care_workers", "name"): ("姓名", "name"),
    ("resident_contacts", "name"): ("联系人姓名", "contact name"),
    ("institutions", "name"): ("机构名称", "institution name"),
    ("resident_leaves", "start_date"): ("外出日期", "leave date"),
    ("bed_stays", "end_reason"): ("结束原因", "end reason"),
    ("bed_history", "occupied"): ("名册报告在住", "reported occupied (bed roster)"),
    ("assessments", "scheme_version"): ("评估标准", "assessment standard"),
    ("assessments", "answers"): ("各项得分", "item scores"),
    ("assessments", "dimension_scores"): ("各维度得分", "dimension scores"),
    ("assessments", "total"): ("总分", "total score"),
    ("assessments", "base_level"): ("初步等级", "preliminary level"),
    ("assessments", "risk_events"): ("风险事件", "risk events"),
    ("assessments", "coma"): ("昏迷", "coma"),
    ("checklist_templates", "code"): ("检查表编号", "checklist code"),
    ("checklist_items", "code"): ("编号", "item code"),
    ("home_checklists", "code"): ("检查表编号", "checklist code"),
    ("home_checklist_items", "code"): ("编号", "item code"),
    ("hazards", "description"): ("隐患描述", "hazard description"),
    ("hazards", "level"): ("隐患等级", "hazard level"),
    ("hazard_events", "kind"): ("处理环节", "step"),
    ("inspection_schedules", "name"): ("计划名称", "schedule name"),
    ("inspection_amendments", "reason"): ("更正原因", "reason for the correction"),
}


# What was done to a record: the audit trail's actions and the sync feed's operations.
ACTIONS: Final[dict[str, tuple[str, str]]] = {
    "create": ("新建", "created"),
    "insert": ("新增", "added"),
    "update": ("修改", "changed"),
    "delete": ("删除", "deleted"),
    "resolve": ("冲突处理", "conflict resolved"),
    "reveal": ("查看完整身份证号", "full ID number shown"),
    "correct": ("更正", "corrected"),
}


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if current_language() == "zh" else pair[1]


def field_label(field: str, table: str | None = None) -> str:
    """A field's label in the current language. ``contacts.0.phone`` reads 联系人1 联系电话."""
    if field.startswith("contacts.") and field.count(".") == 2:
        _, index, inner = field.split(".")
        number = int(index) + 1 if index.isdigit() else index
        prefix = f"联系人{number} " if current_language() == "zh" else f"contact {number} "
        return prefix + field_label(inner, "resident_contacts")
    pair = TABLE_FIELDS.get((table, field)) if table else None
    if pair is None:
        pair = FIELDS.get(field)
    return _pick(pair) if pair else field


def table_label(table: str) -> str:
    pair = TABLES.get(table)
    return _pick(pair) if pair else table


def action_label(action: str) -> str:
    """What was done to a record (新建, 修改, …), in the current language."""
    pair = ACTIONS.get(action)
    return _pick(pair) if pair else action
