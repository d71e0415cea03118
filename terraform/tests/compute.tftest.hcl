# Bastion and K3s nodes: IMDSv2 required, encrypted root volumes, nodes in private subnets only.

mock_provider "aws" {}

run "nodes_are_private_with_imdsv2_and_encrypted_disks" {
  command = apply

  module {
    source = "./modules/k3s_nodes"
  }

  variables {
    name       = "ca4test"
    node_count = 3
    ami_id     = "ami-0123456789abcdef0"
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
  }

  assert {
    condition     = join(",", sort(keys(aws_instance.this))) == "agent-1,agent-2,server" && length(output.agent_private_ips) == 2
    error_message = "node_count 3 must give one server and two agents."
  }

  assert {
    condition = alltrue([
      for i in values(aws_instance.this) :
      one(i.metadata_options).http_tokens == "required" && one(i.root_block_device).encrypted && !i.associate_public_ip_address
    ])
    error_message = "Every node must require IMDSv2, encrypt its root volume and have no public IP."
  }

  assert {
    condition     = aws_instance.this["server"].subnet_id == "subnet-0aaaaaaaaaaaaaaa1" && aws_instance.this["agent-1"].subnet_id == "subnet-0aaaaaaaaaaaaaaa2" && aws_instance.this["agent-2"].subnet_id == "subnet-0aaaaaaaaaaaaaaa1"
    error_message = "Nodes must be spread over the private subnets."
  }

  assert {
    condition     = aws_instance.this["server"].tags["Role"] == "k3s-server" && aws_instance.this["agent-1"].tags["Role"] == "k3s-agent" && aws_instance.this["agent-2"].tags["Name"] == "ca4test-k3s-agent-2"
    error_message = "Nodes must be named and tagged with their K3s role."
  }
}

run "a_single_node_is_the_server" {
  command = plan

  module {
    source = "./modules/k3s_nodes"
  }

  variables {
    node_count = 1
    ami_id     = "ami-0123456789abcdef0"
    subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
  }

  assert {
    condition     = keys(aws_instance.this) == ["server"] && length(output.agent_private_ips) == 0
    error_message = "node_count 1 must give the server alone."
  }
}

run "bastion_has_imdsv2_and_an_encrypted_disk" {
  command = apply

  module {
    source = "./modules/bastion"
  }

  variables {
    name      = "ca4test"
    ami_id    = "ami-0123456789abcdef0"
    subnet_id = "subnet-0ccccccccccccccc1"
  }

  assert {
    condition     = one(aws_instance.this.metadata_options).http_tokens == "required" && one(aws_instance.this.metadata_options).http_put_response_hop_limit == 1
    error_message = "The bastion must require IMDSv2 with a hop limit of 1."
  }

  assert {
    condition     = one(aws_instance.this.root_block_device).encrypted
    error_message = "The bastion's root volume must be encrypted."
  }

  assert {
    condition     = aws_eip.this.instance == aws_instance.this.id
    error_message = "The bastion's public address must be its Elastic IP."
  }
}
