################################################################################
# Server
################################################################################

output "server_instance_id" {
  description = "ID of the K3s server instance."
  value       = try(aws_instance.server.id, null)
}

output "server_private_ip" {
  description = "Private IP of the K3s server."
  value       = try(aws_instance.server.private_ip, null)
}

################################################################################
# Agents
################################################################################

output "agent_instance_ids" {
  description = "IDs of the K3s agent instances."
  value       = aws_instance.agent[*].id
}

output "agent_private_ips" {
  description = "Private IPs of the K3s agents."
  value       = aws_instance.agent[*].private_ip
}
