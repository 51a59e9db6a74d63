<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Child category</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>住户信息（已退住，只读）</source>
        <translation>Resident (discharged, read-only)</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>只列出空闲床位。</source>
        <translation>Only free beds are listed.</translation>
    </message>
    <message>
        <source>没有符合条件的空闲床位。</source>
        <translation>No free bed matches.</translation>
    </message>
    <message>
        <source>外出返回</source>
        <translation>Return from leave</translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>预计返回</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>退住日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>房间号</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>每间床位数</source>
        <translation>Beds per room</translation>
    </message>
    <message>
        <source>请填写房间号范围，例如 201 到 220。</source>
        <translation>Enter a room range, e.g. 201 to 220.</translation>
    </message>
    <message>
        <source>将添加 {rooms} 间 × {per} 床 = {count} 张{kind}床位（{first} … {last}）</source>
        <translation>Adds {rooms} rooms × {per} beds = {count} {kind} beds ({first} … {last})</translation>
    </message>
    <message>
        <source>老年人能力评估（GB/T 42195-2022）</source>
        <translation>Ability assessment (GB/T 42195-2022)</translation>
    </message>
    <message>
        <source>住户</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>评估原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>评估员</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>— 请选择 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>等级调整</source>
        <translation>Level adjustments</translation>
    </message>
    <message>
        <source>确诊认知障碍/痴呆或其他精神障碍（提高一级）</source>
        <translation>Diagnosed dementia or other mental disorder (one level worse)</translation>
    </message>
    <message>
        <source>近30天风险事件：</source>
        <translation>Risk events in the last 30 days:</translation>
    </message>
    <message>
        <source>评估历史</source>
        <translation>Earlier assessments</translation>
    </message>
    <message>
        <source>已评 {done}/{all} 项  总分 {total}/{max}</source>
        <translation>{done}/{all} items scored  total {total}/{max}</translation>
    </message>
    <message>
        <source>  能力等级：{level}</source>
        <translation>  Ability level: {level}</translation>
    </message>
    <message>
        <source>（总分对应{base}，经调整）</source>
        <translation> (total gives {base}; adjusted)</translation>
    </message>
    <message>
        <source>登录 — {name}</source>
        <translation>Log in — {name}</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>选择机构</source>
        <translation>Choose institution</translation>
    </message>
    <message>
        <source>此数据库中有 {n} 家机构，请选择要打开的机构：</source>
        <translation>This database holds {n} institutions. Choose one to open:</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>护理员与培训</source>
        <translation>Care workers &amp; training</translation>
    </message>
    <message>
        <source>安全检查</source>
        <translation>Safety inspections</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>民政桌面 — {name}</source>
        <translation>mzdesk — {name}</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>用户：{name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>用户：未登录</source>
        <translation>User: not logged in</translation>
    </message>
    <message>
        <source>同步：尚未连接服务器，{n} 条修改待同步</source>
        <translation>Sync: no server yet, {n} changes waiting</translation>
    </message>
    <message>
        <source>（外出）</source>
        <translation> (on leave)</translation>
    </message>
    <message>
        <source>批量添加床位</source>
        <translation>Add beds in bulk</translation>
    </message>
    <message>
        <source>{room}室</source>
        <translation>Room {room}</translation>
    </message>
    <message>
        <source>还没有床位。点击“批量添加床位”，例如 3号楼 2层 201–220，每间2床。</source>
        <translation>No beds yet. Click “Add beds in bulk”, e.g. 3号楼 2层 201–220, 2 beds each.</translation>
    </message>
    <message>
        <source>共 {n} 张床位，空闲 {free} 张</source>
        <translation>{n} beds, {free} free</translation>
    </message>
    <message>
        <source>恢复使用</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <source>停用此床位</source>
        <translation>Take this bed out of service</translation>
    </message>
    <message>
        <source>入住到此床位…</source>
        <translation>Admit into this bed…</translation>
    </message>
    <message>
        <source>在住人数</source>
        <translation>Residents in house</translation>
    </message>
    <message>
        <source>外出人数</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>入住率</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>空闲床位</source>
        <translation>Free beds</translation>
    </message>
    <message>
        <source>空闲{kind}床位</source>
        <translation>Free {kind} beds</translation>
    </message>
    <message>
        <source>未销号隐患</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <source>今天是 {date} 星期{weekday}</source>
        <translation>Today is {date} (day {weekday} of the week)</translation>
    </message>
    <message>
        <source>不含外出人员</source>
        <translation>Not counting residents on leave</translation>
    </message>
    <message>
        <source>外出期间保留床位</source>
        <translation>Their beds are kept</translation>
    </message>
    <message>
        <source>{occupied} / {in_service} 张在用床位</source>
        <translation>{occupied} of {in_service} beds in service</translation>
    </message>
    <message>
        <source>共 {total} 张床位，停用 {out} 张</source>
        <translation>{total} beds, {out} out of service</translation>
    </message>
    <message>
        <source>其中 {n} 项已超过整改期限</source>
        <translation>{n} of them past the deadline</translation>
    </message>
    <message>
        <source>无超期隐患</source>
        <translation>Nothing overdue</translation>
    </message>
    <message>
        <source>所有修改都已安全保存在本机数据库中，并记录在待同步队列里，不会丢失。与中心服务器同步、U盘同步包导入导出、冲突审核将在后续版本提供。</source>
        <translation>Every change is saved in the local database and queued for sync; nothing is lost. Sync with the central server, USB bundles and conflict review are coming.</translation>
    </message>
    <message>
        <source>待同步的修改：{n} 条</source>
        <translation>Changes waiting to sync: {n}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>重新启动程序后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <source>在职人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>技能等级</source>
        <translation>Skill level</translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <source>培训记录</source>
        <translation>Training sessions</translation>
    </message>
    <message>
        <source>培训主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>参训</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>护理员与培训可用“mzdesk import workers”导入；培训登记、证书打印与岗前培训率统计将在后续版本提供。</source>
        <translation>Care workers can be imported with “mzdesk import workers”; recording training, printing certificates and training rates are coming.</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>不合格项</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>⚠ 有 {n} 项隐患已超过整改期限，请尽快整改并复查销号。</source>
        <translation>⚠ {n} hazards are past their rectification deadline: rectify, re-check and close them.</translation>
    </message>
    <message>
        <source>没有超期未整改的隐患。</source>
        <translation>No hazard is past its deadline.</translation>
    </message>
    <message>
        <source>在住与外出</source>
        <translation>In house and on leave</translation>
    </message>
    <message>
        <source>在住</source>
        <translation>In house</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>已退住</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音首字母（如 zsf）、身份证号后几位或床位号  Ctrl+F</source>
        <translation>Search: name, pinyin initials (e.g. zsf), last digits of the ID number or bed  Ctrl+F</translation>
    </message>
    <message>
        <source>全部供养类型</source>
        <translation>All support types</translation>
    </message>
    <message>
        <source>全部能力等级</source>
        <translation>All ability levels</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <source>入住登记</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>查看/编辑</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>换床</source>
        <translation>Transfer bed</translation>
    </message>
    <message>
        <source>退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>能力评估</source>
        <translation>Assess</translation>
    </message>
    <message>
        <source>超过 {n} 人</source>
        <translation>more than {n} people</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>为「{name}」选择床位与入住日期</source>
        <translation>Choose a bed and admission date for {name}</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <source>入住登记：选择床位</source>
        <translation>Admission: choose a bed</translation>
    </message>
    <message>
        <source>住户信息：{name}</source>
        <translation>Resident: {name}</translation>
    </message>
    <message>
        <source>为「{name}」换床</source>
        <translation>Move {name} to another bed</translation>
    </message>
    <message>
        <source>换床日期</source>
        <translation>Transfer date</translation>
    </message>
    <message>
        <source>「{name}」外出登记</source>
        <translation>Leave for {name}</translation>
    </message>
    <message>
        <source>「{name}」外出返回</source>
        <translation>{name} returns from leave</translation>
    </message>
    <message>
        <source>为「{name}」办理退住</source>
        <translation>Discharge {name}</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>供养类型</source>
        <translation>Support type</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Ability level</translation>
    </message>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>区划代码或前缀，如 3702</source>
        <translation>region code or prefix, e.g. 3702</translation>
    </message>
    <message>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>统计日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>打印报表（PDF）</source>
        <translation>Print report (PDF)</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>按类型的床位数</source>
        <translation>Beds by type</translation>
    </message>
    <message>
        <source>月度趋势：入住率与护理型床位占比（%）</source>
        <translation>Monthly trend: occupancy and nursing-bed share (%)</translation>
    </message>
    <message>
        <source>区划{code}</source>
        <translation>region {code}</translation>
    </message>
    <message>
        <source>全部机构</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>入住率（按楼层）</source>
        <translation>Occupancy by floor</translation>
    </message>
    <message>
        <source>入住率（按机构）</source>
        <translation>Occupancy by institution</translation>
    </message>
    <message>
        <source>统计日期 {date}；床位数含停用床位，入住率 = 入住床位 / 在用床位。</source>
        <translation>As of {date}; bed counts include beds out of service; occupancy = occupied beds / beds in service.</translation>
    </message>
    <message>
        <source>护理型床位占比</source>
        <translation>Nursing-bed share</translation>
    </message>
    <message>
        <source>{area}床位统计报表</source>
        <translation>{area}bed statistics report</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>民政桌面 mzdesk 本机数据库 {db}</source>
        <translation>mzdesk local database {db}</translation>
    </message>
    <message>
        <source>已生成报表 {path}</source>
        <translation>Report written to {path}</translation>
    </message>
</context>
<context>
    <name>BedChooserDialog</name>
    <message>
        <source>选择床位</source>
        <translation>Choose a bed</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>只列出空闲床位。</source>
        <translation>Only free beds are listed.</translation>
    </message>
</context>
<context>
    <name>BulkBedsDialog</name>
    <message>
        <source>批量添加床位</source>
        <translation>Add beds in bulk</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>例如：3号楼</source>
        <translation>e.g. 3号楼</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>例如：2层</source>
        <translation>e.g. 2层</translation>
    </message>
    <message>
        <source>起始房间号</source>
        <translation>First room</translation>
    </message>
    <message>
        <source>例如：201</source>
        <translation>e.g. 201</translation>
    </message>
    <message>
        <source>结束房间号</source>
        <translation>Last room</translation>
    </message>
    <message>
        <source>例如：220</source>
        <translation>e.g. 220</translation>
    </message>
    <message>
        <source>每间床位数</source>
        <translation>Beds per room</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>启用日期</source>
        <translation>In service from</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>办理退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>退住日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>退住原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>退住后档案保留（至少5年），只读，可在“已退住”中查看。</source>
        <translation>The record is kept (at least 5 years), read-only, under “Discharged”.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>欢迎使用民政桌面</source>
        <translation>Welcome to mzdesk</translation>
    </message>
    <message>
        <source>这台电脑上还没有机构。请创建本机构，或先打开演示数据看看。</source>
        <translation>There is no institution on this computer yet. Create yours, or look at demo data first.</translation>
    </message>
    <message>
        <source>创建我的机构</source>
        <translation>Create my institution</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>例如：某某区福寿康养老院</source>
        <translation>e.g. Fushoukang Nursing Home</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Institution kind</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>6位数字，可不填</source>
        <translation>6 digits, optional</translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>打开演示数据</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <source>创建并开始使用</source>
        <translation>Create and start</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>外出登记</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>预计返回</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例如：回家探亲、住院</source>
        <translation>e.g. visiting family, hospital</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>民政桌面</source>
        <translation>mzdesk</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>住户信息</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>yyyy-MM-dd，可由身份证号推出</source>
        <translation>yyyy-MM-dd; read from the ID number</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Household address</translation>
    </message>
    <message>
        <source>供养类型</source>
        <translation>Support type</translation>
    </message>
    <message>
        <source>医疗费用支付方式</source>
        <translation>Medical payment</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>合同编号</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>疾病诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>儿童信息</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Child category</translation>
    </message>
    <message>
        <source>监护类型</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>就学情况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability level</translation>
    </message>
    <message>
        <source>联系人与备注</source>
        <translation>Contacts &amp; notes</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>发生了意外错误，已记录到日志。数据未被部分写入。</source>
        <translation>An unexpected error occurred and was logged. No data was half-written.</translation>
    </message>
</context>
</TS>
